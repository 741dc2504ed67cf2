// Package plugin holds what the two stand-in plugins share: how a plugin serves its gRPC service to the
// Pulumi engine (the engine starts the binary and reads the port from the first line of its stdout).
package plugin

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"google.golang.org/grpc"
)

// Fail reports err as the named plugin and exits.
func Fail(name string, err error) {
	fmt.Fprintf(os.Stderr, "%s (stand-in): %v\n", name, err)
	os.Exit(1)
}

// Serve registers the plugin's service, prints the port for the engine, and serves until the engine is done.
func Serve(name string, register func(*grpc.Server)) {
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			register(srv)
			return nil
		},
	})
	if err != nil {
		Fail(name, err)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		Fail(name, err)
	}
}
