using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SocialPrescribing.Host.Features.WebConsole;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The console shows the application's English messages in French from one catalog (MessageText.fr.resx): every
/// message the rules that the console's forms meet can give has its French, with the same values in it.
/// </summary>
public sealed partial class ConsoleMessagesTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");

    /// <summary>Where the messages a console form can meet are written: the journey's and training's rules, request checks, matching.</summary>
    private static readonly string[] Sources =
    [
        "core/SocialPrescribing.Domain/Journeys/JourneyDecider.cs",
        "core/SocialPrescribing.Domain/Training/TrainingDecider.cs",
        "core/SocialPrescribing.Domain/Access/JourneyScopeRule.cs",
        "core/SocialPrescribing.Application/CommunityDirectory/Matching/ProgramMatcher.cs",
        "core/SocialPrescribing.Application/CommunityDirectory/DirectoryCuration.cs",
        "core/SocialPrescribing.Abstractions/Training/KnowledgeCheck.cs",
        "host/SocialPrescribing.Host/Http/RequestValidation.cs",
        "host/SocialPrescribing.Host/Features/Journeys",
        "host/SocialPrescribing.Host/Features/Transport",
        "host/SocialPrescribing.Host/Features/Training",
    ];

    [Fact]
    public void Every_message_a_console_form_can_meet_has_its_French()
    {
        var catalog = ConsoleMessages.Entries(French);
        var messages = Sources
            .SelectMany(s => Directory.Exists(Path.Combine(RepositoryRoot.Path, s))
                ? Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, s), "*.cs", SearchOption.AllDirectories)
                : [Path.Combine(RepositoryRoot.Path, s)])
            .SelectMany(MessagesIn)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(messages.Count > 100, $"Only {messages.Count} messages found: has the code moved?");
        var missing = messages.Where(m => !catalog.ContainsKey(m)).ToList();
        Assert.True(missing.Count == 0, "No French in MessageText.fr.resx for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Each_French_message_keeps_every_value_of_its_English()
    {
        var catalog = ConsoleMessages.Entries(French);
        Assert.NotEmpty(catalog);
        foreach (var (english, french) in catalog)
        {
            Assert.Equal(ConsoleMessages.HolesOf(english).Order(), ConsoleMessages.HolesOf(french).Order());
            Assert.False(string.IsNullOrWhiteSpace(french), english);
        }
    }

    [Fact]
    public void A_message_is_shown_in_French_with_its_own_values()
    {
        var shown = ConsoleMessages.Show("A follow-up cannot be due in the past (today is 2031-04-07 for this program).", French);
        Assert.Null(shown.Language);
        Assert.Contains("2031-04-07", shown.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot", shown.Text, StringComparison.Ordinal);

        var twoValues = ConsoleMessages.Show("A community referral that is accepted cannot become referred.", French);
        Assert.Contains("accepted", twoValues.Text, StringComparison.Ordinal);
        Assert.Contains("referred", twoValues.Text, StringComparison.Ordinal);
        Assert.True(twoValues.Text.IndexOf("accepted", StringComparison.Ordinal) < twoValues.Text.IndexOf("referred", StringComparison.Ordinal), twoValues.Text);

        Assert.Equal(ConsoleMessages.Entries(French)["Required."], ConsoleMessages.Show("Required.", French).Text);
    }

    [Fact]
    public void English_is_shown_as_it_is_and_an_unknown_message_is_marked_as_English()
    {
        Assert.Equal(new ShownMessage("Required.", null), ConsoleMessages.Show("Required.", CultureInfo.GetCultureInfo("en-CA")));
        Assert.Equal(new ShownMessage("A message no one wrote.", "en"), ConsoleMessages.Show("A message no one wrote.", French));
    }

    /// <summary>
    /// The English messages written in a C# file: string literals, interpolations with their values as {0}, {1}…,
    /// that read as a sentence, leaving out exceptions, logs and the API description.
    /// </summary>
    private static IEnumerable<string> MessagesIn(string file)
    {
        var source = File.ReadAllText(file);
        foreach (var (start, text) in Literals(source))
        {
            if (!SentenceShape().IsMatch(text) || !(text.Contains(' ', StringComparison.Ordinal) || OneWord().IsMatch(text)))
            {
                continue;
            }

            var lineStart = source.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
            var lineEnd = source.IndexOf('\n', start);
            var line = source[lineStart..(lineEnd < 0 ? source.Length : lineEnd)];
            var before = source[Math.Max(0, lineStart - 300)..start];
            var context = string.Join('\n', before.Split('\n').TakeLast(3));
            if (NotShown().IsMatch(line) || (Thrown().IsMatch(context) && !ThrownToShow().IsMatch(line)))
            {
                continue;
            }

            yield return text;
        }
    }

    [GeneratedRegex(@"^['A-Z].{6,}[.?)]$", RegexOptions.Singleline)]
    private static partial Regex SentenceShape();

    [GeneratedRegex(@"^[A-Z][a-z]+\.$")]
    private static partial Regex OneWord();

    [GeneratedRegex(@"WithSummary|WithDescription|\[Description|LoggerMessage|Message = |WithName|ProducesProblem")]
    private static partial Regex NotShown();

    [GeneratedRegex(@"throw |Exception\(|Log[A-Z]\w*\(|Fail\(")]
    private static partial Regex Thrown();

    /// <summary>The exceptions whose message a console form shows (the field at fault in a program or a knowledge check).</summary>
    [GeneratedRegex(@"throw new (DirectoryCurationException|KnowledgeCheckValidationException)\(")]
    private static partial Regex ThrownToShow();

    /// <summary>The string literals of C# source, each with where it starts; an interpolation's values become {0}, {1}….</summary>
    private static IEnumerable<(int Start, string Text)> Literals(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (s.AsSpan(i).StartsWith("//"))
            {
                var end = s.IndexOf('\n', i);
                i = end < 0 ? s.Length : end;
                continue;
            }

            if (s[i] == '\'')
            {
                for (i++; i < s.Length && s[i] != '\''; i += s[i] == '\\' ? 2 : 1)
                {
                }

                i++;
                continue;
            }

            if (s.AsSpan(i).StartsWith("\"\"\"") || s.AsSpan(i).StartsWith("$\"\"\""))
            {
                var end = s.IndexOf("\"\"\"", i + 4, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 3;
                continue;
            }

            var interpolated = s.AsSpan(i).StartsWith("$\"");
            var verbatim = s.AsSpan(i).StartsWith("@\"") || s.AsSpan(i).StartsWith("$@\"") || s.AsSpan(i).StartsWith("@$\"");
            if (!interpolated && !verbatim && s[i] != '"')
            {
                i++;
                continue;
            }

            var start = i;
            interpolated |= s.AsSpan(i).StartsWith("$@\"") || s.AsSpan(i).StartsWith("@$\"");
            i = s.IndexOf('"', i) + 1;
            var text = new StringBuilder();
            var holes = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == '\\' && !verbatim)
                {
                    text.Append(s, i, 2);
                    i += 2;
                }
                else if (c == '"' && verbatim && i + 1 < s.Length && s[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                }
                else if (c == '"')
                {
                    i++;
                    break;
                }
                else if (interpolated && c == '{' && i + 1 < s.Length && s[i + 1] == '{')
                {
                    text.Append('{');
                    i += 2;
                }
                else if (interpolated && c == '}' && i + 1 < s.Length && s[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                }
                else if (interpolated && c == '{')
                {
                    // A value: skip its expression, string literals inside it included.
                    var depth = 1;
                    for (i++; i < s.Length && depth > 0; i++)
                    {
                        if (s[i] == '"')
                        {
                            for (i++; i < s.Length && s[i] != '"'; i += s[i] == '\\' ? 2 : 1)
                            {
                            }
                        }
                        else if (s[i] == '{')
                        {
                            depth++;
                        }
                        else if (s[i] == '}')
                        {
                            depth--;
                        }
                    }

                    text.Append('{').Append(holes++.ToString(CultureInfo.InvariantCulture)).Append('}');
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }

            yield return (start, text.ToString());
        }
    }
}
