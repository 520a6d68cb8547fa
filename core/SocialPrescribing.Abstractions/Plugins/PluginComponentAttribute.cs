namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>
/// Catalogue metadata on a plugin component's class: its kind and its id. The host lists components from these
/// attributes, without creating them. Use the attribute of the component's kind, such as
/// <see cref="Transport.TransportPartnerAttribute"/>.
/// </summary>
/// <param name="id">
/// The component's id, unique within its kind in a deployment, of lower-case letters, digits and hyphens, for
/// example <c>contoso-rides</c>.
/// </param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public abstract class PluginComponentAttribute(string id) : Attribute
{
    /// <summary>The component's id, for example <c>contoso-rides</c>.</summary>
    public string Id { get; } = id;

    /// <summary>The component's kind, one of <see cref="PluginKinds.All"/>.</summary>
    public abstract string Kind { get; }
}
