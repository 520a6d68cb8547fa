using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>
/// The host's types that arrive in request bodies, and those nested in them: the endpoints' body parameters and
/// their properties' types, found once from the API descriptions.
/// </summary>
internal sealed class RequestBodyTypes(IApiDescriptionGroupCollectionProvider descriptions)
{
    private readonly Lazy<HashSet<Type>> _types = new(() => Find(descriptions));

    public bool Contains(Type type) => _types.Value.Contains(type);

    /// <summary>Their names, which are their schemas' names in the document's components.</summary>
    public IReadOnlySet<string> Names => _types.Value.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    private static HashSet<Type> Find(IApiDescriptionGroupCollectionProvider descriptions)
    {
        var found = new HashSet<Type>();
        var bodies = descriptions.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == BindingSource.Body)
            .Select(p => p.Type);
        foreach (var body in bodies)
        {
            Walk(body, found);
        }

        return found;
    }

    private static void Walk(Type type, HashSet<Type> found)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Walk(argument, found);
            }

            return;
        }

        if (type.Assembly != typeof(RequestBodyTypes).Assembly || !found.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.PropertyType, found);
        }
    }
}
