package main

import (
	"context"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const computeURN = "urn:pulumi:dev::p::azureml-compute:index:ComputeCluster$azure-native:machinelearningservices:Compute::cpu"

func inputs(t *testing.T, inner map[string]any) map[string]any {
	t.Helper()
	return map[string]any{
		"resourceGroupName": "rg", "workspaceName": "ws", "computeName": "cpu", "location": "westeurope",
		"properties": map[string]any{"computeType": "AmlCompute", "properties": inner},
	}
}

func diff(t *testing.T, olds, news map[string]any) *pulumirpc.DiffResponse {
	t.Helper()
	o, err := plugin.MarshalProperties(resource.NewPropertyMapFromMap(olds), plain)
	if err != nil {
		t.Fatal(err)
	}
	n, err := plugin.MarshalProperties(resource.NewPropertyMapFromMap(news), plain)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := (&provider{}).Diff(context.Background(), &pulumirpc.DiffRequest{Urn: computeURN, OldInputs: o, Olds: o, News: n})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func kinds(resp *pulumirpc.DiffResponse) map[string]pulumirpc.PropertyDiff_Kind {
	out := map[string]pulumirpc.PropertyDiff_Kind{}
	for k, v := range resp.GetDetailedDiff() {
		out[k] = v.GetKind()
	}
	return out
}

func assertKinds(t *testing.T, got, want map[string]pulumirpc.PropertyDiff_Kind) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("detailed diff %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Fatalf("detailed diff %v, want %v", got, want)
		}
	}
}

// azure-native reports a changed leaf at its full path, and does not replace for it.
func TestChangedLeafAtItsFullPath(t *testing.T) {
	resp := diff(t, inputs(t, map[string]any{"vmSize": "Standard_DS3_v2"}), inputs(t, map[string]any{"vmSize": "Standard_DS4_v2"}))
	assertKinds(t, kinds(resp), map[string]pulumirpc.PropertyDiff_Kind{"properties.properties.vmSize": pulumirpc.PropertyDiff_UPDATE})
	if len(resp.GetReplaces()) != 0 || resp.GetChanges() != pulumirpc.DiffResponse_DIFF_SOME {
		t.Fatalf("replaces %v, changes %v", resp.GetReplaces(), resp.GetChanges())
	}
}

// An object that appears is reported at its own key, not at its leaves.
func TestAddedObjectAtItsKey(t *testing.T) {
	resp := diff(t, inputs(t, map[string]any{"vmSize": "A"}), inputs(t, map[string]any{"vmSize": "A", "subnet": map[string]any{"id": "/s"}}))
	assertKinds(t, kinds(resp), map[string]pulumirpc.PropertyDiff_Kind{"properties.properties.subnet": pulumirpc.PropertyDiff_ADD})
}

func TestRemovedObjectAtItsKey(t *testing.T) {
	resp := diff(t, inputs(t, map[string]any{"vmSize": "A", "subnet": map[string]any{"id": "/s"}}), inputs(t, map[string]any{"vmSize": "A"}))
	assertKinds(t, kinds(resp), map[string]pulumirpc.PropertyDiff_Kind{"properties.properties.subnet": pulumirpc.PropertyDiff_DELETE})
}

// Only the path parameters replace.
func TestPathParametersReplace(t *testing.T) {
	olds := inputs(t, map[string]any{"vmSize": "A"})
	news := inputs(t, map[string]any{"vmSize": "A"})
	news["computeName"] = "cpu2"
	resp := diff(t, olds, news)
	assertKinds(t, kinds(resp), map[string]pulumirpc.PropertyDiff_Kind{"computeName": pulumirpc.PropertyDiff_UPDATE_REPLACE})
	if len(resp.GetReplaces()) != 1 || resp.GetReplaces()[0] != "computeName" {
		t.Fatalf("replaces %v", resp.GetReplaces())
	}
}

func TestNoChange(t *testing.T) {
	resp := diff(t, inputs(t, map[string]any{"vmSize": "A"}), inputs(t, map[string]any{"vmSize": "A"}))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE || len(resp.GetDetailedDiff()) != 0 {
		t.Fatalf("changes %v, diff %v", resp.GetChanges(), resp.GetDetailedDiff())
	}
}

// The REST body: path parameters out, flattened inputs under properties, identities as the REST map.
func TestRestBody(t *testing.T) {
	identity := resourceTypes["azure-native:managedidentity:UserAssignedIdentity"]
	body := identity.restBody(map[string]any{"resourceGroupName": "rg", "resourceName": "id", "location": "westeurope", "tags": map[string]any{"a": "b"}})
	if len(body) != 2 || body["location"] != "westeurope" {
		t.Fatalf("identity body %v", body)
	}
	subnet := resourceTypes["azure-native:network:Subnet"]
	body = subnet.restBody(map[string]any{"resourceGroupName": "rg", "virtualNetworkName": "v", "subnetName": "s", "addressPrefix": "10.0.0.0/24"})
	if props, ok := body["properties"].(map[string]any); !ok || props["addressPrefix"] != "10.0.0.0/24" || len(body) != 1 {
		t.Fatalf("subnet body %v", body)
	}
	compute := resourceTypes["azure-native:machinelearningservices:Compute"]
	body = compute.restBody(map[string]any{"computeName": "c", "workspaceName": "w", "resourceGroupName": "rg",
		"identity": map[string]any{"type": "UserAssigned", "userAssignedIdentities": []any{"/id/1"}}, "properties": map[string]any{"computeType": "AmlCompute"}})
	ids := body["identity"].(map[string]any)["userAssignedIdentities"].(map[string]any)
	if _, ok := ids["/id/1"]; !ok || len(ids) != 1 || body["properties"].(map[string]any)["computeType"] != "AmlCompute" {
		t.Fatalf("compute body %v", body)
	}
}
