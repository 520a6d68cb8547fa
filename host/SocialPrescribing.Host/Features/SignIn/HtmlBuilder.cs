using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>Builds an <see cref="Html"/> from an interpolated string: literals as markup, every value encoded.</summary>
[InterpolatedStringHandler]
internal readonly struct HtmlBuilder
{
    // Letters of every script stay readable (é, not &#xE9;); markup characters and quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _text;

    public HtmlBuilder(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 16));

    public void AppendLiteral(string markup) => _text.Append(markup);

    public void AppendFormatted(Html html) => _text.Append(html.ToString());

    public void AppendFormatted(string? value) => _text.Append(Encoder.Encode(value ?? string.Empty));

    // No generic overload: a list of fragments must go through Html.Join, not be encoded as its type name.
    public void AppendFormatted(int value) => _text.Append(value.ToString(CultureInfo.InvariantCulture));

    public Html ToHtml() => new(_text.ToString());
}
