using System.Text;

namespace SocialPrescribing.Documents;

/// <summary>Makes text safe to place in HTML element content and in quoted attribute values.</summary>
/// <remarks>
/// Only the five characters that HTML gives meaning to are replaced, so accented letters stay
/// readable in the output rather than turning into numeric references.
/// </remarks>
internal static class HtmlText
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => encoded.Append("&amp;"),
                '<' => encoded.Append("&lt;"),
                '>' => encoded.Append("&gt;"),
                '"' => encoded.Append("&quot;"),
                '\'' => encoded.Append("&#39;"),
                _ => encoded.Append(c),
            };
        }

        return encoded.ToString();
    }
}
