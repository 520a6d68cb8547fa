using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The OpenAPI document is a contract integrators generate clients from: it is the checked-in
/// <c>docs/openapi/v1.json</c> exactly, and Redocly's recommended rules find no error in it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OpenApiContractTests(HostFixture fixture)
{
    private static readonly string Contract = Path.Combine(RepositoryRoot.Path, "docs", "openapi", "v1.json");

    [Fact]
    public async Task The_served_document_is_the_checked_in_contract()
    {
        var served = await fixture.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        if (!JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(await File.ReadAllTextAsync(Contract, TestContext.Current.CancellationToken))))
        {
            var received = Path.ChangeExtension(Contract, ".received.json");
            await File.WriteAllTextAsync(received, served, TestContext.Current.CancellationToken);
            Assert.Fail($"The host serves a different contract than {Contract}. If the change is meant, replace it with {received}.");
        }
    }

    [Fact]
    public async Task The_served_document_has_no_error_under_redoclys_recommended_rules()
    {
        var redocly = Environment.GetEnvironmentVariable("SP_REDOCLY") is { Length: > 0 } set
            ? set
            : Path.Combine(RepositoryRoot.Path, ".tools", "node_modules", ".bin", "redocly");
        if (!File.Exists(redocly))
        {
            var missing = $"Redocly CLI is not at {redocly} (npm install --prefix .tools @redocly/cli@2.77.0, or set SP_REDOCLY).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(missing + " (CI=true, where the contract must be linted, not skipped)");
            }

            Assert.Skip(missing);
        }

        var document = Path.Combine(Path.GetTempPath(), $"sp-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await fixture.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await RunAsync(redocly, "lint", document, "--config", Path.Combine(RepositoryRoot.Path, "redocly.yaml"), "--format", "summary");

            Assert.True(exitCode == 0, $"redocly lint exited {exitCode}:\n{output}");
            Assert.Contains("Your API description is valid", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No update check or telemetry: the linter reads the document and nothing else.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
