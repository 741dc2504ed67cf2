package main

// Import: azure-native's Read of a resource the program adopts (the engine sends an id and no inputs). As
// azure-native's ResponseToSdkInputs does, the inputs are built from the GET response: the path parameters from
// the id, the PUT-body properties without read-only ones, user-assigned identities as azure-native's list, and
// without empty maps and lists. And as azure-native's Diff does, a property the program sets where the old
// inputs have none is no difference when it equals the API's documented default.
//
// Which properties are read-only, and the defaults, come from the REST definitions as the repository's
// adopt/data/restFacts.json states them (AZURE_SIM_REST_FACTS names the file; without it nothing is dropped
// and no default is known). Only computes have facts; other types keep their whole response.

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
)

const restFactsVariable = "AZURE_SIM_REST_FACTS"

type computeTypeFacts struct {
	ReadOnly []string       `json:"readOnly"`
	Defaults map[string]any `json:"defaults"`
}

var (
	factsMu    sync.Mutex
	factsCache = map[string]map[string]computeTypeFacts{}
)

// restFacts reads the file AZURE_SIM_REST_FACTS names (once per file); none without it.
func restFacts() (map[string]computeTypeFacts, error) {
	file := os.Getenv(restFactsVariable)
	if file == "" {
		return nil, nil
	}
	factsMu.Lock()
	defer factsMu.Unlock()
	if cached, ok := factsCache[file]; ok {
		return cached, nil
	}
	var doc struct {
		ComputeTypes map[string]computeTypeFacts `json:"computeTypes"`
	}
	text, err := os.ReadFile(file)
	if err == nil {
		err = json.Unmarshal(text, &doc)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	factsCache[file] = doc.ComputeTypes
	return doc.ComputeTypes, nil
}

// patternRegexp matches a facts pattern (`a.b[].c`, `a.*.b`) against concrete paths (`a.b[0].c`): the whole
// path, or (under) the path and anything inside it.
func patternRegexp(pattern string, under bool) *regexp.Regexp {
	var b strings.Builder
	rest := pattern
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "[]"):
			b.WriteString(`\[\d+\]`)
			rest = rest[2:]
		case strings.HasPrefix(rest, "*"):
			b.WriteString(`[^.\[]+`)
			rest = rest[1:]
		default:
			b.WriteString(regexp.QuoteMeta(rest[:1]))
			rest = rest[1:]
		}
	}
	end := "$"
	if under {
		end = `($|[.\[])`
	}
	return regexp.MustCompile("^" + b.String() + end)
}

func computeTypeOf(properties any) string {
	if p, ok := properties.(map[string]any); ok {
		if ct, ok := p["computeType"].(string); ok {
			return ct
		}
	}
	return ""
}

// pathParamsOf reads the path parameters out of an id by the type's path template (keywords without case).
func (t resourceType) pathParamsOf(id string) (map[string]any, error) {
	want := strings.Split(strings.TrimPrefix(t.path, "/"), "/")
	got := strings.Split(strings.TrimPrefix(id, "/"), "/")
	if len(got) != len(want)+2 || !strings.EqualFold(got[0], "subscriptions") {
		return nil, fmt.Errorf("%q is not the id of a %s", id, t.path)
	}
	params := map[string]any{}
	for i, w := range want {
		g := got[i+2]
		if strings.HasPrefix(w, "{") {
			params[strings.Trim(w, "{}")] = g
		} else if !strings.EqualFold(w, g) {
			return nil, fmt.Errorf("%q is not the id of a %s", id, t.path)
		}
	}
	return params, nil
}

// importedInputs builds the inputs of an imported resource from its id and GET response.
func (t resourceType) importedInputs(id string, response map[string]any) (map[string]any, error) {
	inputs, err := t.pathParamsOf(id)
	if err != nil {
		return nil, err
	}
	all, err := restFacts()
	if err != nil {
		return nil, err
	}
	var readOnly []*regexp.Regexp
	for _, p := range all[computeTypeOf(response["properties"])].ReadOnly {
		readOnly = append(readOnly, patternRegexp(p, true))
	}
	isReadOnly := func(path string) bool {
		for _, r := range readOnly {
			if r.MatchString(path) {
				return true
			}
		}
		return false
	}
	for k, v := range response {
		switch k {
		case "id", "name", "type", "systemData", "etag":
			continue
		}
		if kept := withoutReadOnly(v, k, isReadOnly); kept != nil {
			inputs[k] = kept
		}
	}
	if identity, ok := inputs["identity"].(map[string]any); ok {
		if ids, ok := identity["userAssignedIdentities"].(map[string]any); ok {
			list := []any{}
			for id := range ids {
				list = append(list, id)
			}
			identity["userAssignedIdentities"] = list
		}
	}
	return inputs, nil
}

// withoutReadOnly copies a value without read-only properties, nulls, and maps and lists left empty.
func withoutReadOnly(v any, at string, isReadOnly func(string) bool) any {
	if isReadOnly(at) {
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, item := range x {
			if kept := withoutReadOnly(item, at+"."+k, isReadOnly); kept != nil {
				out[k] = kept
			}
		}
		// The identity map keeps its ids even when their values are left empty: the ids are what it says.
		if len(out) == 0 && !strings.HasSuffix(at, "userAssignedIdentities") {
			return nil
		}
		if strings.HasSuffix(at, "userAssignedIdentities") {
			for k := range x {
				if _, ok := out[k]; !ok {
					out[k] = map[string]any{}
				}
			}
		}
		return out
	case []any:
		out := []any{}
		for i, item := range x {
			if kept := withoutReadOnly(item, fmt.Sprintf("%s[%d]", at, i), isReadOnly); kept != nil {
				out = append(out, kept)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	default:
		return v
	}
}

// isDocumentedDefault says whether a value the program adds at `path` is the REST default for its compute type.
func isDocumentedDefault(news map[string]any, path string, value any) bool {
	all, err := restFacts()
	if err != nil {
		return false
	}
	for p, d := range all[computeTypeOf(news["properties"])].Defaults {
		if patternRegexp(p, false).MatchString(path) && reflect.DeepEqual(d, value) {
			return true
		}
	}
	return false
}

// valueAtPath reads a dotted path with [i] indexes (the detailed diff's paths) out of plain values.
func valueAtPath(root map[string]any, path string) any {
	var at any = root
	for _, segment := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(segment, "[")
		m, ok := at.(map[string]any)
		if !ok {
			return nil
		}
		at = m[name]
		for rest != "" {
			index, after, _ := strings.Cut(rest, "]")
			var i int
			if _, err := fmt.Sscanf(index, "%d", &i); err != nil {
				return nil
			}
			list, ok := at.([]any)
			if !ok || i >= len(list) {
				return nil
			}
			at = list[i]
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return at
}
