package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"
)

// The stand-in talks only to the simulated Azure named by this variable, never to Azure itself.
const endpointVariable = "AZURE_SIM_ENDPOINT"

// armError is an ARM error response, shown as azure-native shows one: method, URL, status and the ARM code.
type armError struct {
	method, url string
	status      int
	code, msg   string
}

func (e *armError) Error() string {
	return fmt.Sprintf("%s %s\nRESPONSE %d\nERROR CODE: %s\n%s", e.method, e.url, e.status, e.code, e.msg)
}

func isNotFound(err error) bool {
	e, ok := err.(*armError)
	return ok && e.status == http.StatusNotFound
}

type arm struct {
	endpoint string
	client   *http.Client
}

func newARM() (*arm, error) {
	endpoint := os.Getenv(endpointVariable)
	if endpoint == "" {
		return nil, fmt.Errorf("%s is not set: this stand-in for azure-native only talks to the simulated Azure", endpointVariable)
	}
	return &arm{endpoint: endpoint, client: &http.Client{Timeout: 60 * time.Second}}, nil
}

// do sends one request and decodes a JSON answer; an ARM error status becomes an *armError.
func (a *arm) do(method, url string, body any) (*http.Response, map[string]any, error) {
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, nil, err
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, url, reader)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %w", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	var decoded map[string]any
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &decoded); err != nil {
			return nil, nil, fmt.Errorf("%s %s: answer is not JSON: %w", method, url, err)
		}
	}
	if resp.StatusCode >= 400 {
		e := &armError{method: method, url: url, status: resp.StatusCode, code: "Unknown", msg: string(data)}
		if inner, ok := decoded["error"].(map[string]any); ok {
			e.code, _ = inner["code"].(string)
			e.msg, _ = inner["message"].(string)
		}
		return resp, decoded, e
	}
	return resp, decoded, nil
}

func (a *arm) url(id, apiVersion string) string {
	return a.endpoint + id + "?api-version=" + apiVersion
}

// wait follows a long-running operation as azure-native's client does: the Azure-AsyncOperation status
// until it is terminal, or the Location header until it stops answering 202.
func (a *arm) wait(resp *http.Response) error {
	for attempt := 0; attempt < 600; attempt++ {
		if async := resp.Header.Get("Azure-AsyncOperation"); async != "" {
			next, status, err := a.do(http.MethodGet, async, nil)
			if err != nil {
				return err
			}
			switch s, _ := status["status"].(string); s {
			case "Succeeded":
				return nil
			case "Failed", "Canceled":
				inner, _ := status["error"].(map[string]any)
				code, _ := inner["code"].(string)
				msg, _ := inner["message"].(string)
				return &armError{method: http.MethodGet, url: async, status: http.StatusOK, code: code, msg: "operation " + s + ": " + msg}
			}
			next.Header.Set("Azure-AsyncOperation", async)
			pause(next)
			resp = next
			continue
		}
		if location := resp.Header.Get("Location"); location != "" && resp.StatusCode == http.StatusAccepted {
			pause(resp)
			next, _, err := a.do(http.MethodGet, location, nil)
			if err != nil {
				return err
			}
			if next.StatusCode != http.StatusAccepted {
				return nil
			}
			next.Header.Set("Location", location)
			resp = next
			continue
		}
		return nil
	}
	return fmt.Errorf("the long-running operation did not finish")
}

func pause(resp *http.Response) {
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		time.Sleep(time.Duration(s) * time.Second)
	}
}

// put creates or updates a resource, waits for it, and returns what a GET then reports.
func (a *arm) put(id, apiVersion string, body map[string]any) (map[string]any, error) {
	resp, _, err := a.do(http.MethodPut, a.url(id, apiVersion), body)
	if err != nil {
		return nil, err
	}
	if err := a.wait(resp); err != nil {
		return nil, err
	}
	return a.get(id, apiVersion)
}

func (a *arm) get(id, apiVersion string) (map[string]any, error) {
	_, body, err := a.do(http.MethodGet, a.url(id, apiVersion), nil)
	return body, err
}

// delete removes a resource and waits; a resource that is already gone is not an error (as azure-native).
func (a *arm) delete(id, apiVersion string) error {
	resp, _, err := a.do(http.MethodDelete, a.url(id, apiVersion), nil)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return a.wait(resp)
}
