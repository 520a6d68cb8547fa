using SocialPrescribing.Application.Access;
using System.Globalization;
using System.Text.Json.Nodes;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// Audit entries as FHIR R4 <c>AuditEvent</c> resources in a searchset <c>Bundle</c>, shaped after IHE Basic Audit Log
/// Patterns (BALP): a RESTful-operation event, the person or system as the requesting agent (and the client
/// application as a second agent), the journey as the patient entity, the tenant as the source site. The entry's
/// place in the hash chain travels in the entity's details so an importer can check it.
/// </summary>
internal static class AuditEventExport
{
    public const string ContentType = "application/fhir+json";

    /// <summary>The identifier system of journeys in exported resources.</summary>
    public const string JourneySystem = "urn:social-prescribing:journey";

    private const string AuditEventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private const string RestfulInteraction = "http://hl7.org/fhir/restful-interaction";
    private const string SecurityRoleType = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
    private const string SourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private const string EntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private const string AgentRoles = "urn:social-prescribing:role";

    public static JsonObject Bundle(TenantId tenant, AuditPage page, AuditQuery query, Func<int, string> pageUrl)
    {
        var entries = new JsonArray();
        foreach (var stored in page.Items)
        {
            var resource = Event(tenant, stored);
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"urn:social-prescribing:audit:{tenant.Value}:{stored.Sequence.ToString(CultureInfo.InvariantCulture)}",
                ["resource"] = resource,
                ["search"] = new JsonObject { ["mode"] = "match" },
            });
        }

        var links = new JsonArray { Link("self", pageUrl(query.Page)) };
        if ((long)query.Page * query.PageSize < page.Total)
        {
            links.Add(Link("next", pageUrl(query.Page + 1)));
        }

        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = page.Total,
            ["link"] = links,
            ["entry"] = entries,
        };
    }

    /// <summary>One entry as an AuditEvent.</summary>
    public static JsonObject Event(TenantId tenant, StoredAuditEntry stored)
    {
        var e = stored.Entry;
        var (code, interaction) = Interaction(e.Action);
        var agents = new JsonArray { Agent(e) };
        if (e.Client is { } client && !string.Equals(client, e.Actor, StringComparison.Ordinal))
        {
            agents.Add(new JsonObject
            {
                ["type"] = Concept(SecurityRoleType, "dataprocessor", "data processor"),
                ["who"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = client } },
                ["requestor"] = false,
            });
        }

        var audit = new JsonObject
        {
            ["resourceType"] = "AuditEvent",
            ["id"] = $"{tenant.Value}-{stored.Sequence.ToString(CultureInfo.InvariantCulture)}",
            ["type"] = Coding(AuditEventType, "rest", "RESTful Operation"),
            ["subtype"] = new JsonArray { Coding(RestfulInteraction, interaction, interaction) },
            ["action"] = code,
            ["recorded"] = e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["outcome"] = e.Outcome == AuditEntry.Allowed ? "0" : "4",
            ["outcomeDesc"] = e.Outcome,
            ["agent"] = agents,
            ["source"] = new JsonObject
            {
                ["site"] = tenant.Value,
                ["observer"] = new JsonObject { ["display"] = "Social prescribing host" },
                ["type"] = new JsonArray { Coding(SourceType, "4", "Application Server") },
            },
            ["entity"] = Entities(e, stored),
        };
        // Break-glass first (its reason is in the entity details), then the purpose the caller stated, by its HL7 code.
        var purposes = new JsonArray();
        if (e.BreakGlassReason is not null)
        {
            purposes.Add(Concept(ActCode, "BTG", "break the glass"));
        }

        if (e.Purpose is not null)
        {
            purposes.Add(PurposeOfUse.All.TryGetValue(e.Purpose, out var purpose)
                ? Concept(PurposeOfUse.CodeSystem, purpose.Code, purpose.Display)
                : new JsonObject { ["text"] = e.Purpose });
        }

        if (purposes.Count > 0)
        {
            audit["purposeOfEvent"] = purposes;
        }

        return audit;
    }

    private static JsonObject Agent(AuditEntry e)
    {
        var agent = new JsonObject
        {
            ["type"] = Concept(SecurityRoleType, e.Actor == "system" ? "dataprocessor" : "humanuser", e.Actor == "system" ? "data processor" : "human user"),
            ["who"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = e.Actor } },
            ["requestor"] = true,
        };
        if (e.Roles is { } roles)
        {
            agent["role"] = new JsonArray([.. roles.Split(',').Select(r => (JsonNode)Concept(AgentRoles, r, r))]);
        }

        if (e.SourceAddress is { } address)
        {
            agent["network"] = new JsonObject { ["address"] = address, ["type"] = "2" };
        }

        if (e.BreakGlassReason is { } reason)
        {
            agent["purposeOfUse"] = new JsonArray { new JsonObject { ["coding"] = new JsonArray { Coding(ActCode, "BTG", "break the glass") }, ["text"] = reason } };
        }

        return agent;
    }

    private static JsonArray Entities(AuditEntry e, StoredAuditEntry stored)
    {
        var details = new JsonArray
        {
            Detail("category", e.Category),
            Detail("action", e.Action),
            Detail("sequence", stored.Sequence.ToString(CultureInfo.InvariantCulture)),
            Detail("hash", stored.Hash),
            Detail("previous-hash", stored.PreviousHash),
        };
        var entities = new JsonArray();
        if (e.JourneyId is { } journey)
        {
            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = JourneySystem, ["value"] = journey.ToString() } },
                ["type"] = Coding(EntityType, "1", "Person"),
                ["role"] = Coding(ObjectRole, "1", "Patient"),
                ["detail"] = details,
            });
        }
        else
        {
            entities.Add(new JsonObject { ["type"] = Coding(EntityType, "2", "System Object"), ["detail"] = details });
        }

        if (e.RequestId is { } request)
        {
            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = request } },
                ["type"] = Coding(EntityType, "2", "System Object"),
                ["role"] = Coding(ObjectRole, "24", "Query"),
            });
        }

        return entities;
    }

    /// <summary>The AuditEvent action code (C, R, U, E) and RESTful interaction for an entry's action.</summary>
    private static (string Code, string Interaction) Interaction(string action) => action switch
    {
        "read" or "print" or "report" => ("R", "read"),
        "list" or "search" or "export" => ("E", "search-type"),
        "process" or "verify" or "request" => ("E", "operation"),
        "receive-referral" => ("C", "create"),
        _ => ("U", "update"),
    };

    private static JsonObject Link(string relation, string url) => new() { ["relation"] = relation, ["url"] = url };

    private static JsonObject Detail(string type, string value) => new() { ["type"] = type, ["valueString"] = value };

    private static JsonObject Coding(string system, string code, string display) => new() { ["system"] = system, ["code"] = code, ["display"] = display };

    private static JsonObject Concept(string system, string code, string display) => new() { ["coding"] = new JsonArray { Coding(system, code, display) } };
}
