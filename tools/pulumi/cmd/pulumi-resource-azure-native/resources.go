package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// A resource type the stand-in serves: where its ARM id comes from, and how its inputs become a REST body.
type resourceType struct {
	// The ARM id after the subscription, with {param} for each path parameter (the inputs azure-native
	// sends in the URL, never in the body).
	path string
	// The path parameter azure-native auto-names (the Pulumi resource name plus a random suffix) when absent.
	name string
	// The REST API version azure-native 3.x sends for this type.
	apiVersion string
	// True when azure-native flattens the body's `properties` into top-level inputs and outputs
	// (x-ms-client-flatten); false when `properties` is an input of its own (Compute, Vault).
	flattened bool
	// True when the type has a location (Check fills it in, as azure-native does).
	located bool
}

// What the examples and the library create. Anything else is refused with a message saying so.
var resourceTypes = map[string]resourceType{
	"azure-native:resources:ResourceGroup": {
		path: "/resourceGroups/{resourceGroupName}", name: "resourceGroupName", apiVersion: "2024-03-01", flattened: true, located: true,
	},
	"azure-native:network:VirtualNetwork": {
		path: "/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}", name: "virtualNetworkName",
		apiVersion: "2024-05-01", flattened: true, located: true,
	},
	"azure-native:network:Subnet": {
		path:       "/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}",
		name:       "subnetName",
		apiVersion: "2024-05-01", flattened: true,
	},
	"azure-native:managedidentity:UserAssignedIdentity": {
		path: "/resourceGroups/{resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}", name: "resourceName",
		apiVersion: "2023-01-31", flattened: true, located: true,
	},
	"azure-native:storage:StorageAccount": {
		path: "/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}", name: "accountName",
		apiVersion: "2024-01-01", flattened: true, located: true,
	},
	"azure-native:keyvault:Vault": {
		path: "/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}", name: "vaultName",
		apiVersion: "2024-11-01", located: true,
	},
	"azure-native:applicationinsights:Component": {
		path: "/resourceGroups/{resourceGroupName}/providers/Microsoft.Insights/components/{resourceName}", name: "resourceName",
		apiVersion: "2020-02-02", flattened: true, located: true,
	},
	"azure-native:machinelearningservices:Workspace": {
		path: "/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}", name: "workspaceName",
		apiVersion: "2025-12-01", flattened: true, located: true,
	},
	"azure-native:machinelearningservices:Compute": {
		path:       "/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}/computes/{computeName}",
		name:       "computeName",
		apiVersion: "2025-12-01", located: true,
	},
}

// The body keys that are never flattened into `properties`.
var topLevel = map[string]bool{"location": true, "tags": true, "identity": true, "sku": true, "kind": true, "properties": true, "zones": true}

func lookupType(token string) (resourceType, error) {
	t, ok := resourceTypes[token]
	if !ok {
		return t, fmt.Errorf("the azure-native stand-in does not model %s (it serves %s)", token, strings.Join(servedTokens(), ", "))
	}
	return t, nil
}

// servedTokens lists the served types in a fixed order, so messages don't change between runs.
func servedTokens() []string {
	var out []string
	for k := range resourceTypes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// pathParams lists the {param} names of the type's ARM path, in order.
func (t resourceType) pathParams() []string {
	var out []string
	for _, part := range strings.Split(t.path, "/") {
		if strings.HasPrefix(part, "{") {
			out = append(out, strings.Trim(part, "{}"))
		}
	}
	return out
}

func (t resourceType) isPathParam(key string) bool {
	for _, p := range t.pathParams() {
		if p == key {
			return true
		}
	}
	return false
}

// armID builds the resource id from the inputs' path parameters (an error names the missing one).
func (t resourceType) armID(subscription string, inputs map[string]any) (string, error) {
	id := t.path
	for _, p := range t.pathParams() {
		v, ok := inputs[p].(string)
		if !ok || v == "" {
			return "", fmt.Errorf("missing required property '%s'", p)
		}
		id = strings.Replace(id, "{"+p+"}", v, 1)
	}
	return "/subscriptions/" + subscription + id, nil
}

// autoName is azure-native's default for an absent name: the Pulumi name and eight random hex characters.
func autoName(resourceName string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return resourceName + hex.EncodeToString(b)
}

// restBody turns azure-native inputs into the body it PUTs: path parameters dropped, flattened inputs moved
// under `properties`, and user-assigned identities changed from azure-native's list to the REST map.
func (t resourceType) restBody(inputs map[string]any) map[string]any {
	body := map[string]any{}
	properties := map[string]any{}
	for k, v := range inputs {
		switch {
		case t.isPathParam(k):
		case topLevel[k] || !t.flattened:
			body[k] = v
		default:
			properties[k] = v
		}
	}
	if len(properties) > 0 {
		if existing, ok := body["properties"].(map[string]any); ok {
			for k, v := range existing {
				properties[k] = v
			}
		}
		body["properties"] = properties
	}
	if identity, ok := body["identity"].(map[string]any); ok {
		if ids, ok := identity["userAssignedIdentities"].([]any); ok {
			copied := map[string]any{}
			for k, v := range identity {
				copied[k] = v
			}
			m := map[string]any{}
			for _, id := range ids {
				if s, ok := id.(string); ok {
					m[s] = map[string]any{}
				}
			}
			copied["userAssignedIdentities"] = m
			body["identity"] = copied
		}
	}
	return body
}

// outputs turns a REST response into azure-native outputs: flattened types get `properties` spread into the
// top level; `azureApiVersion` is added as azure-native 3.x adds it.
func (t resourceType) outputs(response map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range response {
		if k == "properties" && t.flattened {
			if props, ok := v.(map[string]any); ok {
				for pk, pv := range props {
					out[pk] = pv
				}
				continue
			}
		}
		out[k] = v
	}
	out["azureApiVersion"] = t.apiVersion
	return out
}
