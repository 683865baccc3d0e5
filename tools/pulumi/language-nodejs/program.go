package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// nodeProgram is what Pulumi.yaml says about the program to run.
type nodeProgram struct {
	rootDirectory string
	// entry is the program file, or a folder whose package.json names it.
	entry      string
	typescript bool
	tsconfig   string
	nodeArgs   []string
}

func describeProgram(req *pulumirpc.RunRequest) (nodeProgram, error) {
	info := req.GetInfo()
	program := nodeProgram{typescript: true}
	if info == nil {
		program.rootDirectory = req.GetPwd()
		program.entry = req.GetProgram()
		if !filepath.IsAbs(program.entry) {
			program.entry = filepath.Join(req.GetPwd(), program.entry)
		}
		return program, nil
	}
	program.rootDirectory = info.GetRootDirectory()
	program.entry = filepath.Join(info.GetProgramDirectory(), info.GetEntryPoint())

	options := info.GetOptions().AsMap()
	if value, ok := options["typescript"]; ok {
		typescript, isBool := value.(bool)
		if !isBool {
			return program, errors.New("runtime option typescript in Pulumi.yaml must be true or false")
		}
		program.typescript = typescript
	}
	if value, ok := options["tsconfig"].(string); ok {
		program.tsconfig = value
	}
	if value, ok := options["nodeargs"].(string); ok && value != "" {
		program.nodeArgs = splitNodeArgs(value)
	}
	return program, nil
}

// splitNodeArgs splits on spaces; Node options such as --max-old-space-size hold none.
func splitNodeArgs(text string) []string {
	var args []string
	current := ""
	for _, r := range text {
		if r == ' ' || r == '\t' {
			if current != "" {
				args = append(args, current)
				current = ""
			}
			continue
		}
		current += string(r)
	}
	if current != "" {
		args = append(args, current)
	}
	return args
}

// nodeArguments are the flags @pulumi/pulumi's run entry (cmd/run) reads, then the program.
func nodeArguments(program nodeProgram, req *pulumirpc.RunRequest, engine string) ([]string, error) {
	runEntry, err := findRunEntry(program.entry, program.rootDirectory)
	if err != nil {
		return nil, err
	}
	args := append([]string{}, program.nodeArgs...)
	args = append(args, runEntry,
		"--monitor="+req.GetMonitorAddress(),
		"--engine="+engine,
		"--project="+req.GetProject(),
		"--stack="+req.GetStack(),
		"--pwd="+req.GetPwd(),
		"--root-directory="+program.rootDirectory,
	)
	if req.GetOrganization() != "" {
		args = append(args, "--organization="+req.GetOrganization())
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 1 {
		args = append(args, "--parallel="+strconv.Itoa(int(req.GetParallel())))
	}
	args = append(args, program.entry)
	return append(args, req.GetArgs()...), nil
}

// programEnvironment carries the stack's configuration the way the Node.js SDK reads it.
func programEnvironment(program nodeProgram, req *pulumirpc.RunRequest) ([]string, error) {
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secrets, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}
	env := []string{
		"PULUMI_CONFIG=" + string(config),
		"PULUMI_CONFIG_SECRET_KEYS=" + string(secrets),
		"PULUMI_NODEJS_TYPESCRIPT=" + strconv.FormatBool(program.typescript),
	}
	if program.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+program.tsconfig)
	}
	return env, nil
}

// findRunEntry looks for the program's own @pulumi/pulumi, as Node's require would: in the
// node_modules of the program's folder or any folder above it.
func findRunEntry(entry, rootDirectory string) (string, error) {
	start := entry
	if stat, err := os.Stat(entry); err != nil || !stat.IsDir() {
		start = filepath.Dir(entry)
	}
	for dir := start; ; dir = filepath.Dir(dir) {
		candidate := filepath.Join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run")
		if _, err := os.Stat(filepath.Join(candidate, "index.js")); err == nil {
			return candidate, nil
		}
		if parent := filepath.Dir(dir); parent == dir {
			break
		}
	}
	return "", fmt.Errorf(
		"@pulumi/pulumi is not installed for the program in %s: run `npm ci` (or `npm install @pulumi/pulumi`) there first",
		rootDirectory)
}
