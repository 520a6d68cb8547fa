using System.CommandLine;
using System.Diagnostics;

namespace SocialPrescribing.Cli;

/// <summary>
/// The host's own commands, which work on the database directly (<c>migrate</c>, <c>projections rebuild</c>,
/// <c>users</c>, <c>clients</c>, <c>token</c>): spf runs the installed host with them, and with the same configuration
/// (environment variables and any <c>--Section:Key value</c> switches given), so that each has one implementation.
/// The host is found from <c>--host-dll</c>, <c>SPF_HOST_DLL</c>, or <c>SocialPrescribing.Host.dll</c> in the
/// working folder.
/// </summary>
internal static class HostCommands
{
    private const string HostDllOption = "--host-dll";
    private const string HostDll = "SocialPrescribing.Host.dll";

    private static readonly (string Name, string Description)[] Commands =
    [
        ("migrate", "Applies the database schema migrations and exits (the host's `migrate`)."),
        ("projections", "`projections rebuild [--name caseload|activity]`: rebuilds read models from the events (the host's command)."),
        ("users", "`users add|list|disable|reset …`: built-in accounts (the host's command)."),
        ("clients", "`clients add|list|revoke …`: systems' client credentials (the host's command)."),
        ("token", "`token --tenant T --user U`: a short-lived access token for an existing user (the host's command)."),
    ];

    public static bool Forwards(string[] args) => args.Length > 0 && Commands.Any(c => c.Name == args[0]) && !args.Contains("--help") && !args.Contains("-h");

    /// <summary>The forwarded commands, for help: each says what it does and takes whatever the host's command takes.</summary>
    public static IEnumerable<Command> Describe()
    {
        foreach (var (name, description) in Commands)
        {
            var command = new Command(name, description + " Runs the host found by --host-dll, SPF_HOST_DLL or ./" + HostDll + ".") { TreatUnmatchedTokensAsErrors = false };
            command.SetAction(_ => ExitCodes.Done);
            yield return command;
        }
    }

    public static async Task<int> RunAsync(string[] args, SpfConsole console, CancellationToken cancellationToken)
    {
        var arguments = args.ToList();
        string? dll = null;
        var at = arguments.IndexOf(HostDllOption);
        if (at >= 0)
        {
            if (at + 1 >= arguments.Count)
            {
                return console.Fail($"{HostDllOption} needs the path of {HostDll}.");
            }

            dll = arguments[at + 1];
            arguments.RemoveRange(at, 2);
        }

        dll ??= Environment.GetEnvironmentVariable("SPF_HOST_DLL") ?? Path.Combine(Environment.CurrentDirectory, HostDll);
        if (!File.Exists(dll))
        {
            return console.Fail($"the host's {arguments[0]} command needs the installed host: give {HostDllOption} <path of {HostDll}> or set SPF_HOST_DLL (not found: {dll}).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new SpfException("the host could not be started.");
        var output = PumpAsync(process.StandardOutput, console.Out, cancellationToken);
        var error = PumpAsync(process.StandardError, console.Error, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader from, TextWriter to, CancellationToken cancellationToken)
    {
        while (await from.ReadLineAsync(cancellationToken) is { } line)
        {
            await to.WriteLineAsync(line);
        }
    }
}
