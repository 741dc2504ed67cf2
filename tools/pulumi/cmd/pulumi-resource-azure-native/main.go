// A STAND-IN for the azure-native resource provider, for this repository's end-to-end tests only. It sends
// every request to the simulated Azure named by AZURE_SIM_ENDPOINT and never to Azure.
//
// The real pulumi-resource-azure-native cannot be had on these machines (no registry ships it, and its build
// needs metadata generated from azure-rest-api-specs). This one behaves as azure-native 3.x does where the
// azureml-compute library depends on it:
//   - Configure: it does not accept secrets (the engine hands it plain values) and does not support preview
//     (so in preview the engine makes no Create or Update call and sends nothing to Azure).
//   - Check fills `location` from the `azure-native:location` config or the resource group's location, and
//     auto-names an absent name parameter (the Pulumi name plus eight random hex characters).
//   - Diff compares old and new inputs with the engine's own property diff: a changed leaf is reported at its
//     full path (properties.properties.vmSize), an added or removed object at its own key
//     (properties.properties.subnet: ADD). Only the path parameters are marked as replacing.
//   - Create and Update PUT the REST body (path parameters in the URL, flattened inputs under `properties`,
//     user-assigned identities as the REST map) with api-version 2025-12-01 for computes, follow the
//     long-running operation, then GET; Delete sends DELETE and waits; Read GETs (404: the resource is gone).
//   - Invoke: machinelearningservices:getCompute (a GET) and authorization:getClientConfig (who is signed in
//     to the simulated Azure).
//
// What it does not model: azure-native's schema checks in Check (the simulated Azure validates bodies),
// default values it fills from metadata, PATCH, most resource types (see resources.go), other invokes, and
// azure-native's retries and throttling. Import (Read without inputs) builds the inputs from the GET as
// azure-native does (importing.go), knowing read-only properties and defaults of computes only.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	standin "azureml-compute/tools/pulumi/internal/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"
)

// The azure-native release whose behaviour this stand-in follows, marked as not the real provider.
const version = "3.28.0+standin"

type provider struct {
	pulumirpc.UnimplementedResourceProviderServer
	arm *arm

	mu       sync.Mutex
	location string
	identity map[string]any // who is signed in to the simulated Azure (cached)
}

func main() {
	client, err := newARM()
	if err != nil {
		standin.Fail("pulumi-resource-azure-native", err)
	}
	standin.Serve("pulumi-resource-azure-native", func(srv *grpc.Server) {
		pulumirpc.RegisterResourceProviderServer(srv, &provider{arm: client})
	})
}

var (
	// Inputs as Check and Diff see them: unknowns kept (preview), secrets plain (the provider accepts none).
	withUnknowns = plugin.MarshalOptions{KeepUnknowns: true, SkipNulls: true}
	plain        = plugin.MarshalOptions{SkipNulls: true}
)

func (p *provider) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// GetSchema names the resource types the stand-in serves, without their properties: enough for a schema
// that refers to them (the component provider's `compute` outputs) to resolve, as azure-native's full one does.
func (p *provider) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	resources := map[string]any{}
	for token := range resourceTypes {
		resources[token] = map[string]any{"type": "object", "properties": map[string]any{}, "inputProperties": map[string]any{}}
	}
	schema, err := json.Marshal(map[string]any{"name": "azure-native", "version": strings.SplitN(version, "+", 2)[0], "resources": resources})
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GetSchemaResponse{Schema: string(schema)}, nil
}

func (p *provider) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (p *provider) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

func (p *provider) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if loc, ok := req.GetArgs().AsMap()["location"].(string); ok {
		p.location = loc
	} else if loc, ok := req.GetVariables()["azure-native:config:location"]; ok {
		p.location = loc
	}
	return &pulumirpc.ConfigureResponse{AcceptSecrets: false, SupportsPreview: false, AcceptResources: false}, nil
}

// signedIn is the simulated Azure's answer to "who am I": subscription, tenant, client and object id.
func (p *provider) signedIn() (map[string]any, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.identity == nil {
		_, body, err := p.arm.do("GET", p.arm.endpoint+"/simulator/signed-in", nil)
		if err != nil {
			return nil, err
		}
		p.identity = body
	}
	return p.identity, nil
}

func (p *provider) subscription() (string, error) {
	who, err := p.signedIn()
	if err != nil {
		return "", err
	}
	sub, _ := who["subscriptionId"].(string)
	return sub, nil
}

func typeOf(urn string) (resourceType, error) {
	return lookupType(string(resource.URN(urn).Type()))
}

func (p *provider) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	t, err := typeOf(req.GetUrn())
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), withUnknowns)
	if err != nil {
		return nil, err
	}
	olds, err := plugin.UnmarshalProperties(req.GetOlds(), withUnknowns)
	if err != nil {
		return nil, err
	}
	name := resource.PropertyKey(t.name)
	if !news.HasValue(name) {
		if old, ok := olds[name]; ok && old.IsString() {
			news[name] = old
		} else {
			news[name] = resource.NewStringProperty(autoName(resource.URN(req.GetUrn()).Name()))
		}
	}
	var failures []*pulumirpc.CheckFailure
	if t.located && !news.HasValue("location") {
		loc, err := p.defaultLocation(news)
		switch {
		case err != nil:
			failures = append(failures, &pulumirpc.CheckFailure{Property: "location", Reason: err.Error()})
		case loc != "":
			news["location"] = resource.NewStringProperty(loc)
		}
	}
	inputs, err := plugin.MarshalProperties(news, withUnknowns)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: inputs, Failures: failures}, nil
}

// defaultLocation is the provider's configured location, else the resource group's (as azure-native looks it
// up). Empty when the group is not known yet (preview).
func (p *provider) defaultLocation(news resource.PropertyMap) (string, error) {
	p.mu.Lock()
	configured := p.location
	p.mu.Unlock()
	if configured != "" {
		return configured, nil
	}
	group, ok := news["resourceGroupName"]
	if !ok || !group.IsString() {
		return "", nil
	}
	sub, err := p.subscription()
	if err != nil {
		return "", err
	}
	rg, err := p.arm.get("/subscriptions/"+sub+"/resourceGroups/"+group.StringValue(), resourceTypes["azure-native:resources:ResourceGroup"].apiVersion)
	if err != nil {
		return "", fmt.Errorf("could not read the location of resource group %q: %w", group.StringValue(), err)
	}
	loc, _ := rg["location"].(string)
	return loc, nil
}

var diffKinds = map[plugin.DiffKind]pulumirpc.PropertyDiff_Kind{
	plugin.DiffAdd: pulumirpc.PropertyDiff_ADD, plugin.DiffAddReplace: pulumirpc.PropertyDiff_ADD_REPLACE,
	plugin.DiffDelete: pulumirpc.PropertyDiff_DELETE, plugin.DiffDeleteReplace: pulumirpc.PropertyDiff_DELETE_REPLACE,
	plugin.DiffUpdate: pulumirpc.PropertyDiff_UPDATE, plugin.DiffUpdateReplace: pulumirpc.PropertyDiff_UPDATE_REPLACE,
}

func (p *provider) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	t, err := typeOf(req.GetUrn())
	if err != nil {
		return nil, err
	}
	oldStruct := req.GetOldInputs()
	if oldStruct == nil {
		oldStruct = req.GetOlds()
	}
	olds, err := plugin.UnmarshalProperties(oldStruct, withUnknowns)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), withUnknowns)
	if err != nil {
		return nil, err
	}
	ignored := map[string]bool{}
	for _, k := range req.GetIgnoreChanges() {
		ignored[k] = true
	}
	detailed := plugin.NewDetailedDiffFromObjectDiff(olds.Diff(news), true)
	resp := &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, HasDetailedDiff: true, DetailedDiff: map[string]*pulumirpc.PropertyDiff{}}
	replaces := map[string]bool{}
	newValues := news.Mappable()
	for path, d := range detailed {
		if ignored[path] {
			continue
		}
		if d.Kind == plugin.DiffAdd && isDocumentedDefault(newValues, path, valueAtPath(newValues, path)) {
			continue // azure-native skips an added property that equals its schema default.
		}
		top := strings.SplitN(strings.SplitN(path, ".", 2)[0], "[", 2)[0]
		kind := d.Kind
		if t.isPathParam(top) {
			kind = kind.AsReplace()
			replaces[top] = true
		}
		resp.DetailedDiff[path] = &pulumirpc.PropertyDiff{Kind: diffKinds[kind], InputDiff: true}
		resp.Changes = pulumirpc.DiffResponse_DIFF_SOME
		if !contains(resp.Diffs, top) {
			resp.Diffs = append(resp.Diffs, top)
		}
	}
	for k := range replaces {
		resp.Replaces = append(resp.Replaces, k)
	}
	return resp, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// write PUTs the inputs' REST body and returns the id and azure-native's outputs.
func (p *provider) write(urn string, properties *structpb.Struct) (string, *structpb.Struct, error) {
	t, err := typeOf(urn)
	if err != nil {
		return "", nil, err
	}
	props, err := plugin.UnmarshalProperties(properties, plain)
	if err != nil {
		return "", nil, err
	}
	inputs := props.Mappable()
	sub, err := p.subscription()
	if err != nil {
		return "", nil, err
	}
	id, err := t.armID(sub, inputs)
	if err != nil {
		return "", nil, err
	}
	response, err := p.arm.put(id, t.apiVersion, t.restBody(inputs))
	if err != nil {
		return "", nil, err
	}
	outs, err := structOf(t.outputs(response))
	return id, outs, err
}

func structOf(m map[string]any) (*structpb.Struct, error) {
	return plugin.MarshalProperties(resource.NewPropertyMapFromMap(m), plain)
}

func (p *provider) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	if req.GetPreview() {
		return &pulumirpc.CreateResponse{Properties: req.GetProperties()}, nil
	}
	id, outs, err := p.write(req.GetUrn(), req.GetProperties())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: outs}, nil
}

func (p *provider) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	if req.GetPreview() {
		return &pulumirpc.UpdateResponse{Properties: req.GetNews()}, nil
	}
	_, outs, err := p.write(req.GetUrn(), req.GetNews())
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: outs}, nil
}

func (p *provider) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	t, err := typeOf(req.GetUrn())
	if err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, p.arm.delete(req.GetId(), t.apiVersion)
}

func (p *provider) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	t, err := typeOf(req.GetUrn())
	if err != nil {
		return nil, err
	}
	response, err := p.arm.get(req.GetId(), t.apiVersion)
	if isNotFound(err) {
		return &pulumirpc.ReadResponse{}, nil // Gone: the engine drops it from the state.
	}
	if err != nil {
		return nil, err
	}
	outs, err := structOf(t.outputs(response))
	if err != nil {
		return nil, err
	}
	inputs := req.GetInputs()
	if len(inputs.GetFields()) == 0 { // An import: the inputs come from what Azure reports (importing.go).
		imported, err := t.importedInputs(req.GetId(), response)
		if err != nil {
			return nil, err
		}
		if inputs, err = structOf(imported); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: outs, Inputs: inputs}, nil
}

func (p *provider) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args := req.GetArgs().AsMap()
	switch req.GetTok() {
	case "azure-native:authorization:getClientConfig":
		who, err := p.signedIn()
		if err != nil {
			return nil, err
		}
		ret, err := structOf(who)
		return &pulumirpc.InvokeResponse{Return: ret}, err
	case "azure-native:machinelearningservices:getCompute":
		t := resourceTypes["azure-native:machinelearningservices:Compute"]
		sub, err := p.subscription()
		if err != nil {
			return nil, err
		}
		id, err := t.armID(sub, args)
		if err != nil {
			return nil, err
		}
		response, err := p.arm.get(id, t.apiVersion)
		if err != nil {
			return nil, err
		}
		ret, err := structOf(t.outputs(response))
		return &pulumirpc.InvokeResponse{Return: ret}, err
	}
	return nil, status.Errorf(codes.Unimplemented, "the azure-native stand-in does not model the function %s", req.GetTok())
}

func (p *provider) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}
