namespace SocialPrescribing.Host.Tests;

/// <summary>The operator's client commands as scripts call them: the console (public client) beside systems, whose form is unchanged.</summary>
public sealed class AccessCommandTests
{
    [Fact]
    public async Task Operators_register_the_console_as_a_public_client_beside_systems_and_list_both()
    {
        var data = TempFolders.New("sp-data");
        try
        {
            string[] storage = ["--Storage:Provider", "sqlite", "--Storage:DataDirectory", data];
            var (console, consoleOutput) = await RunAsync(
                ["clients", "add", "--public", "--client", "sp-console", "--redirect-uri", "https://sp.example.org/console/signed-in",
                 "--redirect-uri", "http://localhost:5173/signed-in", "--post-logout-redirect-uri", "https://sp.example.org/console/signed-out", .. storage]);
            var (system, systemOutput) = await RunAsync(["clients", "add", "--tenant", "ab", "--client", "emr-one", "--roles", "referrer", "--secret", new string('s', 32), .. storage]);
            var (insecure, insecureOutput) = await RunAsync(["clients", "add", "--public", "--client", "sp-other", "--redirect-uri", "http://sp.example.org/signed-in", .. storage]);
            var (listed, list) = await RunAsync(["clients", "list", .. storage]);

            Assert.True(console == 0, consoleOutput);
            Assert.True(system == 0, systemOutput);
            Assert.Equal(1, insecure);
            Assert.Contains("--redirect-uri: http://sp.example.org/signed-in is not an absolute https URI", insecureOutput, StringComparison.Ordinal);
            Assert.True(listed == 0, list);
            Assert.Contains("emr-one\tab\treferrer", list, StringComparison.Ordinal);
            var consoleLine = Assert.Single(list.Split('\n'), line => line.StartsWith("sp-console\t(public)\t", StringComparison.Ordinal));
            Assert.Contains("https://sp.example.org/console/signed-in", consoleLine, StringComparison.Ordinal);
            Assert.Contains("http://localhost:5173/signed-in", consoleLine, StringComparison.Ordinal);
            Assert.DoesNotContain("sp-other", list, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string[] arguments) =>
        HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, .. arguments]);
}
