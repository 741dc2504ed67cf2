/** Args shared by the component tests. */
import type { WorkspaceRef } from "../../components";

export const WORKSPACE: WorkspaceRef = { workspaceName: "mlw-dev", resourceGroupName: "rg-ml" };

export const SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
export const SUBNET_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/training`;
export const IDENTITY_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-train`;
export const IMAGE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-img/providers/Microsoft.Compute/galleries/gallery/images/train/versions/1.0.0`;
