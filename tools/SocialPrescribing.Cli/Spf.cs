using System.CommandLine;

namespace SocialPrescribing.Cli;

/// <summary>spf's commands: those that work through the host's API, those that run locally, and the host's own.</summary>
internal static class Spf
{
    public static readonly Option<string?> Url = new("--url") { Description = "The host's address (default: SPF_URL).", Recursive = true };

    public static readonly Option<string?> Token = new("--token") { Description = "An access token (default: SPF_TOKEN; or SPF_CLIENT_ID and SPF_CLIENT_SECRET).", Recursive = true };

    public static readonly Option<bool> Json = new("--json") { Description = "Write JSON, for scripts.", Recursive = true };

    /// <summary>Runs spf. <paramref name="handler"/> carries its HTTP calls when given (tests).</summary>
    public static async Task<int> RunAsync(string[] args, SpfConsole console, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (HostCommands.Forwards(args))
        {
            return await HostCommands.RunAsync(args, console, cancellationToken);
        }

        var context = new SpfContext(console, handler);
        var root = new RootCommand("spf: operate a Social Prescribing Framework deployment (tenants, plugins, directory, audit log, reports, and the host's own commands).");
        root.Options.Add(Url);
        root.Options.Add(Token);
        root.Options.Add(Json);
        root.Subcommands.Add(TenantCommands.Build(context));
        root.Subcommands.Add(PluginCommands.Build(context));
        root.Subcommands.Add(DirectoryCommands.Build(context));
        root.Subcommands.Add(AuditCommands.Build(context));
        root.Subcommands.Add(ReportCommands.Build(context));
        foreach (var forwarded in HostCommands.Describe())
        {
            root.Subcommands.Add(forwarded);
        }

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }
}

/// <summary>What every command of spf works with.</summary>
internal sealed class SpfContext(SpfConsole console, HttpMessageHandler? handler)
{
    public SpfConsole Console { get; } = console;

    /// <summary>Runs <paramref name="work"/> against the host named by the command line, turning a refusal into its message and exit code.</summary>
    public async Task<int> WithHostAsync(ParseResult parse, Func<HostApi, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            using var api = await HostApi.ConnectAsync(parse.GetValue(Spf.Url), parse.GetValue(Spf.Token), handler, cancellationToken);
            return await work(api, cancellationToken);
        }
        catch (SpfException ex)
        {
            return Console.Fail(ex.Message, ex.ExitCode);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            // An answer of another shape than this spf knows: a host of another version, or not the host at all.
            return Console.Fail($"the host's answer is not what this spf expects (is it a host of the same version?): {ex.Message}");
        }
    }
}
