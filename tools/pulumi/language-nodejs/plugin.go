package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// RunPlugin starts a plugin written for Node.js. Pulumi asks for this to run a policy pack
// (`pulumi preview --policy-pack <folder>`): @pulumi/pulumi's run-policy-pack entry, found from
// the pack's folder, serves the pack over gRPC and prints its port first, which the engine reads
// from the stream this method sends back.
func (h *nodeHost) RunPlugin(
	req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer,
) error {
	if req.GetKind() != "analyzer" {
		return fmt.Errorf("this Node.js language host runs policy packs only, not %q plugins", req.GetKind())
	}
	dir := req.GetPwd()
	if info := req.GetInfo(); info != nil && info.GetProgramDirectory() != "" {
		dir = info.GetProgramDirectory()
	} else if program := req.GetProgram(); program != "" {
		dir = program
	}
	entry, err := findNodeEntry(dir, "run-policy-pack")
	if err != nil {
		return err
	}
	args := append([]string{entry}, req.GetArgs()...)
	cmd := exec.CommandContext(server.Context(), "node", append(args, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), req.GetEnv()...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting the policy pack in %s: %w", dir, err)
	}

	// gRPC streams take one Send at a time.
	var sending sync.Mutex
	send := func(response *pulumirpc.RunPluginResponse) error {
		sending.Lock()
		defer sending.Unlock()
		return server.Send(response)
	}
	var copying sync.WaitGroup
	forward := func(from io.Reader, wrap func([]byte) *pulumirpc.RunPluginResponse) {
		defer copying.Done()
		buffer := make([]byte, 32*1024)
		for {
			n, readErr := from.Read(buffer)
			if n > 0 {
				chunk := append([]byte(nil), buffer[:n]...)
				if send(wrap(chunk)) != nil {
					return
				}
			}
			if readErr != nil {
				return
			}
		}
	}
	copying.Add(2)
	go forward(stdout, func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}}
	})
	go forward(stderr, func(b []byte) *pulumirpc.RunPluginResponse {
		return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}}
	})
	copying.Wait()

	code := 0
	var exit *exec.ExitError
	if err := cmd.Wait(); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		return err
	}
	return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(code)}})
}

// findNodeEntry finds one of @pulumi/pulumi's cmd entries as Node's require would: in the
// node_modules of dir or of any folder above it.
func findNodeEntry(dir, command string) (string, error) {
	for at := dir; ; at = filepath.Dir(at) {
		candidate := filepath.Join(at, "node_modules", "@pulumi", "pulumi", "cmd", command)
		if _, err := os.Stat(filepath.Join(candidate, "index.js")); err == nil {
			return candidate, nil
		}
		if filepath.Dir(at) == at {
			return "", fmt.Errorf(
				"@pulumi/pulumi is not installed for the policy pack in %s: run `npm ci` first", dir)
		}
	}
}
