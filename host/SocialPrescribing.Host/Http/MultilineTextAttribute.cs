using System.Text.Json.Serialization;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Marks a free-text field (notes) that may span lines: <see cref="TextConverter"/>'s rule, with tab, line feed and
/// carriage return accepted. Every other text field is single-line.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MultilineTextAttribute : JsonConverterAttribute
{
    public override JsonConverter CreateConverter(Type typeToConvert) => new TextConverter(multiline: true);
}
