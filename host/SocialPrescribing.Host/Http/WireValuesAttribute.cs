namespace SocialPrescribing.Host.Http;

/// <summary>The closed set of texts a field or parameter takes, as the OpenAPI document lists them.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
internal class WireValuesAttribute(params string[] values) : Attribute
{
    public virtual IReadOnlyList<string> Values => values;
}
