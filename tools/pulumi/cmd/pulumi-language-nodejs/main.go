// A STAND-IN for Pulumi's Node.js language host, for this repository's end-to-end tests only.
//
// The real host (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is refused by the Go
// module proxy these machines reach (403 for the module and its version list), so the engine gets this one
// under the same name. It speaks the same gRPC protocol (pulumirpc.LanguageRuntime) and starts a program,
// a policy pack or a plugin the way the real host does: with the Node.js SDK's own entry points
// (@pulumi/pulumi/cmd/run, cmd/run-policy-pack, cmd/run-plugin) resolved from the program's folder, the
// same command-line flags, and the stack's config in PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS.
//
// What it models: Run (preview and update, config and secret keys, TypeScript through the SDK's ts-node,
// exit code 32 as "already reported": the engine adds nothing to the program's own message), RunPlugin
// (resource providers and policy packs), GetPluginInfo, GetRequiredPackages (none: plugins come from PATH).
// What it does not: installing dependencies, the synchronous-invoke pipes and monitor proxy (the SDK works
// without them), debugger attach, bun, the `nodeargs` and `packagemanager` options, code generation, Pack
// and Link, and the policy pack's stack-config handshake (policy packs get no PULUMI_CONFIG).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"azureml-compute/tools/pulumi/internal/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// The version this stand-in reports: the SDK release it was written against, marked as not the real host.
const version = "3.248.0+standin"

// The Node.js SDK's exit code for "the program already printed an actionable message".
const exitAlreadyReported = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
}

func main() {
	args := os.Args[1:]
	// The engine passes flags (-tracing=..., -root=...) before its own address, which comes last.
	var engine string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			engine = a
		}
	}
	if len(args) == 1 && args[0] == "-version" {
		fmt.Println(version)
		return
	}
	plugin.Serve("pulumi-language-nodejs", func(srv *grpc.Server) {
		pulumirpc.RegisterLanguageRuntimeServer(srv, &host{engineAddress: engine})
	})
}

func (h *host) Handshake(_ context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version}, nil
}

// Plugins are found on PATH (the tests put the stand-in providers there), so none are asked for.
func (h *host) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// resolve finds one of the SDK's entry points as Node.js would from the program's folder.
func resolve(module, fromDir string) (string, error) {
	script := "process.stdout.write(require.resolve(process.argv[1], { paths: [process.argv[2]] }))"
	out, err := exec.Command("node", "-e", script, module, fromDir).Output()
	if err != nil {
		return "", fmt.Errorf("could not find %s from %s (is @pulumi/pulumi installed there?): %w", module, fromDir, err)
	}
	return string(out), nil
}

// typescriptEnv is what the real host sets from the project's runtime options (TypeScript is on by default).
func typescriptEnv(info *pulumirpc.ProgramInfo) []string {
	options := info.GetOptions().AsMap()
	var env []string
	if ts, ok := options["typescript"].(bool); !ok || ts {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if p, ok := options["tsconfig"].(string); ok && p != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+p)
	}
	return env
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	runPath, err := resolve("@pulumi/pulumi/cmd/run", info.GetProgramDirectory())
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	args := []string{runPath}
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", h.engineAddress)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("root-directory", info.GetRootDirectory())
	flag("stack", req.GetStack())
	flag("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flag("parallel", strconv.Itoa(int(req.GetParallel())))
	args = append(args, info.GetEntryPoint())
	args = append(args, req.GetArgs()...)

	// The SDK reads config keys in the old "<namespace>:config:<name>" form.
	cfg := map[string]string{}
	for k, v := range req.GetConfig() {
		key, err := config.ParseKey(k)
		if err != nil {
			return &pulumirpc.RunResponse{Error: err.Error()}, nil
		}
		cfg[key.Namespace()+":config:"+key.Name()] = v
	}
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, err
	}

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+string(cfgJSON), "PULUMI_CONFIG_SECRET_KEYS="+string(secretJSON))
	cmd.Env = append(cmd.Env, typescriptEnv(info)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exit) && exit.ExitCode() == exitAlreadyReported:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exit):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode())}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not run node: %v", err)}, nil
	}
}

// RunPlugin starts a Node.js resource provider (a PulumiPlugin.yaml folder) or a policy pack.
func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	info := req.GetInfo()
	dir := info.GetProgramDirectory()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	var args []string
	cwd := req.GetPwd()
	if req.GetKind() == "analyzer" {
		// Policy packs get their arguments first and their folder last, and run in their folder.
		entry, err := resolve("@pulumi/pulumi/cmd/run-policy-pack", dir)
		if err != nil {
			return err
		}
		args = append(append([]string{entry}, req.GetArgs()...), dir)
		cwd = dir
	} else {
		entry, err := resolve("@pulumi/pulumi/cmd/run-plugin", dir)
		if err != nil {
			return err
		}
		args = append([]string{entry, dir}, req.GetArgs()...)
	}
	cmd := exec.CommandContext(server.Context(), "node", args...)
	cmd.Dir = cwd
	cmd.Env = append(append([]string{}, req.GetEnv()...), typescriptEnv(info)...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	code := 0
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return err
		}
		code = exit.ExitCode()
	}
	if err := closer.Close(); err != nil {
		return err
	}
	return server.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(code)}})
}
