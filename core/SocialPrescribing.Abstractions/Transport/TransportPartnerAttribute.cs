using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Abstractions.Transport;

/// <summary>Marks a class as an <see cref="ITransportPartner"/> and gives its catalogue id.</summary>
/// <param name="id">The partner's id, for example <c>contoso-rides</c>; recorded with every booking made through it.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TransportPartnerAttribute(string id) : PluginComponentAttribute(id)
{
    /// <summary>The partner's name as shown to link workers; the id when not set.</summary>
    public string? DisplayName { get; init; }

    /// <inheritdoc />
    public override string Kind => PluginKinds.TransportPartner;
}
