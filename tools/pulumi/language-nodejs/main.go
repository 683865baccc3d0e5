// Command pulumi-language-nodejs is this project's own Node.js language host for the Pulumi CLI:
// the engine starts it, it answers the engine over gRPC and runs a Node.js program with the
// @pulumi/pulumi SDK that the program itself installs. Pulumi's own host is a separate Go module
// that the module proxy here does not serve, so `npm run pulumi:cli` builds this one instead.
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	// The engine passes its own address last; anything before it is an optional flag we ignore.
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pulumi-language-nodejs <engine-address>")
		os.Exit(2)
	}
	host := &nodeHost{engineAddress: os.Args[len(os.Args)-1]}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from the first line of our standard output.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}
