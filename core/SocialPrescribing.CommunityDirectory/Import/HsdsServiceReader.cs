using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Hsds;

namespace SocialPrescribing.CommunityDirectory.Import;

/// <summary>
/// Reads an HSDS 3 service import: a JSON array of service documents, or an HSDS API page of them (<c>contents</c>).
/// Each record is checked against the HSDS 3 service schema and the schemas it nests (formats included: ids are
/// UUIDs, e-mail addresses and URLs are well formed); a record that fails is left out with every field at fault, and
/// the others go on. A second record with an id already seen in the same import is left out too. A property whose
/// value is <c>null</c> is read as absent, as directories exported from databases write them.
/// </summary>
public static class HsdsServiceReader
{
    /// <summary>The services of <paramref name="root"/>; throws <see cref="HsdsFormatException"/> when it is neither an array nor a page.</summary>
    public static HsdsServiceBatch Read(JsonElement root)
    {
        var records = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array => contents,
            _ => throw new HsdsFormatException("An import is a JSON array of HSDS services, or an HSDS page whose contents are services."),
        };

        var services = new List<HsdsService>();
        var rejections = new List<DirectoryRejection>();
        var seen = new HashSet<Guid>();
        var index = 0;
        foreach (var sent in records.EnumerateArray())
        {
            var record = WithoutNulls(sent);
            var id = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String
                ? idValue.GetString()
                : null;
            var problems = HsdsSchemas.Check("service", record);
            if (problems.Count > 0)
            {
                rejections.AddRange(problems.Select(p => new DirectoryRejection(index, id, p.Field, p.Reason)));
            }
            else if (!seen.Add(Guid.Parse(id!)))
            {
                rejections.Add(new DirectoryRejection(index, id, "/id", "Another service of this import has the same id."));
            }
            else
            {
                services.Add(new HsdsService(Guid.Parse(id!), record.Clone()));
            }

            index++;
        }

        return new HsdsServiceBatch(index, services, rejections);
    }

    /// <summary><paramref name="record"/> without its null-valued properties, at any depth (itself when it has none).</summary>
    private static JsonElement WithoutNulls(JsonElement record)
    {
        if (!HasNullProperty(record))
        {
            return record;
        }

        var node = JsonNode.Parse(record.GetRawText())!;
        RemoveNulls(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static bool HasNullProperty(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Null || HasNullProperty(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasNullProperty),
        _ => false,
    };

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject record:
                foreach (var name in record.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    record.Remove(name);
                }

                foreach (var (_, value) in record)
                {
                    RemoveNulls(value);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }
}
