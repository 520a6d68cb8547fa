using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace SocialPrescribing.Cli;

/// <summary>
/// Where spf writes: tables and progress for a person at a terminal; plain tab-separated lines, one record each, when
/// the output goes to a file or another program; JSON when asked (<c>--json</c>). Errors go to standard error.
/// </summary>
internal sealed class SpfConsole(TextWriter output, TextWriter error, bool terminal)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static SpfConsole Standard() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool IsTerminal { get; } = terminal;

    public IAnsiConsole Ansi => field ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    public void Line(string text) => Out.WriteLine(text);

    public void Json(JsonNode? node) => Out.WriteLine(node?.ToJsonString(Indented) ?? "null");

    /// <summary>A table at a terminal; otherwise a header line and one line per row, tab-separated.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(Markup.Escape(header));
            }

            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => Markup.Escape(cell ?? "—"))]);
            }

            Ansi.Write(table);
            return;
        }

        Out.WriteLine(string.Join('\t', headers));
        foreach (var row in rows)
        {
            Out.WriteLine(string.Join('\t', row.Select(Plain)));
        }
    }

    /// <summary>Says what went wrong on standard error and gives the exit code to return.</summary>
    public int Fail(string message, int exitCode = ExitCodes.Failed)
    {
        Error.WriteLine("spf: " + message);
        return exitCode;
    }

    private static string Plain(string? cell) =>
        cell is null ? string.Empty : cell.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>What spf's exit codes mean, for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Done = 0;

    /// <summary>The task failed: a refusal by the host, a connection that failed, bad arguments.</summary>
    public const int Failed = 1;

    /// <summary>Done, with a finding: records an import rejected, an audit chain that does not verify, a plugin that would not load.</summary>
    public const int Findings = 2;
}
