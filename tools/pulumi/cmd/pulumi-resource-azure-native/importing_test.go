package main

import (
	"reflect"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const factsFile = "../../../../adopt/data/restFacts.json"

var computeType = resourceTypes["azure-native:machinelearningservices:Compute"]

// An import's inputs are the GET response without read-only properties, with the path parameters from the id
// and the identities as azure-native's list.
func TestImportedInputsFromTheGet(t *testing.T) {
	t.Setenv(restFactsVariable, factsFile)
	id := "/subscriptions/s/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw/computes/gpu"
	uai := "/subscriptions/s/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai"
	got, err := computeType.importedInputs(id, map[string]any{
		"id": id, "name": "gpu", "type": "Microsoft.MachineLearningServices/workspaces/computes", "location": "westeurope",
		"identity": map[string]any{"type": "UserAssigned", "userAssignedIdentities": map[string]any{uai: map[string]any{"principalId": "p", "clientId": "c"}}},
		"properties": map[string]any{
			"computeType": "AmlCompute", "provisioningState": "Succeeded", "createdOn": "2026-01-01T00:00:00Z",
			"properties": map[string]any{"vmSize": "Standard_DS3_v2", "currentNodeCount": 0.0, "nodeStateCounts": map[string]any{"idleNodeCount": 0.0}, "errors": nil, "subnet": nil},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"resourceGroupName": "rg-ml", "workspaceName": "mlw", "computeName": "gpu", "location": "westeurope",
		"identity":   map[string]any{"type": "UserAssigned", "userAssignedIdentities": []any{uai}},
		"properties": map[string]any{"computeType": "AmlCompute", "properties": map[string]any{"vmSize": "Standard_DS3_v2"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("imported inputs %v, want %v", got, want)
	}
}

// azure-native does not count an added property equal to its schema default as a difference; any other it does.
func TestAddedDefaultIsNoDifference(t *testing.T) {
	t.Setenv(restFactsVariable, factsFile)
	olds := inputs(t, map[string]any{"vmSize": "Standard_DS3_v2"})
	resp := diff(t, olds, inputs(t, map[string]any{"vmSize": "Standard_DS3_v2", "osType": "Linux"}))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Fatalf("the default osType is a difference: %v", resp.GetDetailedDiff())
	}
	resp = diff(t, olds, inputs(t, map[string]any{"vmSize": "Standard_DS3_v2", "osType": "Windows"}))
	assertKinds(t, kinds(resp), map[string]pulumirpc.PropertyDiff_Kind{"properties.properties.osType": pulumirpc.PropertyDiff_ADD})
}
