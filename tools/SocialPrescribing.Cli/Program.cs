namespace SocialPrescribing.Cli;

/// <summary>spf's entry point.</summary>
internal static class SpfProgram
{
    public static Task<int> Main(string[] args) => Spf.RunAsync(args, SpfConsole.Standard(), CancellationToken.None);
}
