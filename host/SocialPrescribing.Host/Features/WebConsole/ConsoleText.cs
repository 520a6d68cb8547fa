using Microsoft.Extensions.Localization;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>The console's words, in <c>ConsoleText.resx</c> (English) and <c>ConsoleText.fr.resx</c> (French).</summary>
internal sealed class ConsoleText;

internal static class ConsoleTextExtensions
{
    /// <summary>
    /// The console's name for <paramref name="key"/> under <paramref name="prefix"/> (<c>Role.</c>, <c>Factor.</c>…), or
    /// the key itself when the resources have none (a name a plugin or a newer host brought).
    /// </summary>
    public static string NameOf(this IStringLocalizer<ConsoleText> text, string prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text[prefix + key];
        return name.ResourceNotFound ? key : name.Value;
    }
}
