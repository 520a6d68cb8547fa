using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Import;

namespace SocialPrescribing.CommunityDirectory.Tests;

/// <summary>The official HSDS 3 examples the tests start from (Examples/, CC BY-SA 4.0), and reading them as an import would.</summary>
internal static class HsdsExamples
{
    public static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!;

    /// <summary>A fresh copy of the full service example, to change before reading.</summary>
    public static JsonObject FullService() => Load("service_full.json").AsObject();

    public static HsdsServiceBatch Read(JsonNode node) => HsdsServiceReader.Read(JsonDocument.Parse(node.ToJsonString()).RootElement);
}
