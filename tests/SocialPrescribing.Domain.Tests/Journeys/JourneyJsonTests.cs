using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>The stored and wire shape of events: lossless, discriminated by the event's name, kebab-case enums.</summary>
public sealed class JourneyJsonTests
{
    public static TheoryData<string> EventTypes() => [.. SampleEvents.ByType.Keys];

    [Fact]
    public void There_is_a_sample_of_every_event_type()
    {
        Assert.Equal(JourneyEventTypes.All.Select(t => t.Name), SampleEvents.ByType.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_round_trips_through_json_unchanged(string type)
    {
        var original = SampleEvents.ByType[type];

        var json = JourneyJson.Serialize(original);
        var restored = JourneyJson.Deserialize(json);

        Assert.IsType(original.GetType(), restored);
        Assert.Equal(json, JourneyJson.Serialize(restored));
        Assert.Equal((original.CommandId, original.Actor, original.OccurredAt), (restored.CommandId, restored.Actor, restored.OccurredAt));
        Assert.Equal(PropertyNamesOf(original.GetType()), PropertyNamesIn(json));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void The_type_discriminator_comes_first_and_is_the_events_name(string type)
    {
        using var json = JsonDocument.Parse(JourneyJson.Serialize(SampleEvents.ByType[type]));

        var first = json.RootElement.EnumerateObject().First();

        Assert.Equal(("type", type), (first.Name, first.Value.GetString()));
    }

    public static TheoryData<string, int> EventTypesAndTypePositions()
    {
        var data = new TheoryData<string, int>();
        foreach (var type in SampleEvents.ByType.Keys)
        {
            data.Add(type, 1);
            data.Add(type, int.MaxValue);
        }

        return data;
    }

    /// <summary>A store such as PostgreSQL jsonb hands keys back in its own order, so "type" may come anywhere.</summary>
    [Theory]
    [MemberData(nameof(EventTypesAndTypePositions))]
    public void An_event_whose_type_is_not_the_first_property_still_reads_back(string type, int position)
    {
        var original = SampleEvents.ByType[type];
        var json = JourneyJson.Serialize(original);
        var moved = WithTypeAt(json, position);
        using (var document = JsonDocument.Parse(moved))
        {
            Assert.NotEqual("type", document.RootElement.EnumerateObject().First().Name);
        }

        var restored = JourneyJson.Deserialize(moved);

        Assert.IsType(original.GetType(), restored);
        Assert.Equal(json, JourneyJson.Serialize(restored));
    }

    [Fact]
    public void Null_fields_round_trip_as_null()
    {
        var original = new ContactAttempted(ContactAttemptOutcome.NoAnswer, null) { CommandId = Guid.NewGuid(), Actor = "lw", OccurredAt = Fixed.Now };

        var json = JourneyJson.Serialize(original);
        var restored = Assert.IsType<ContactAttempted>(JourneyJson.Deserialize(json));

        Assert.Contains("\"notes\":null", json, StringComparison.Ordinal);
        Assert.Equal(original, restored);
    }

    [Fact]
    public void An_event_stored_before_fingerprints_were_kept_reads_back_without_one_and_is_written_the_same()
    {
        var stored = JourneyJson.Serialize(SampleEvents.ByType[nameof(ReferralAccepted)] with { CommandFingerprint = null });

        var restored = JourneyJson.Deserialize(stored);

        Assert.DoesNotContain("commandFingerprint", stored, StringComparison.Ordinal);
        Assert.Null(restored.CommandFingerprint);
        Assert.Equal(stored, JourneyJson.Serialize(restored));
    }

    [Fact]
    public void Property_names_are_camel_case_and_dates_are_iso()
    {
        var json = JourneyJson.Serialize(SampleEvents.ByType[nameof(FollowUpScheduled)]);

        Assert.Contains("\"commandId\":\"0197a3c2-0000-7000-8000-000000000042\"", json, StringComparison.Ordinal);
        Assert.Contains("\"occurredAt\":\"2026-02-09T16:20:05.123+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dueOn\":\"2026-03-02\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ContactRecorded), "mode", "in-person")]
    [InlineData(nameof(ContactAttempted), "outcome", "left-message")]
    [InlineData(nameof(ReferralReceived), "source", "hospital-discharge")]
    [InlineData(nameof(CommunityReferralStatusChanged), "from", "in-progress")]
    [InlineData(nameof(CommunityReferralStatusChanged), "to", "on-hold")]
    public void Enum_values_are_written_in_kebab_case(string type, string property, string expected)
    {
        using var json = JsonDocument.Parse(JourneyJson.Serialize(SampleEvents.ByType[type]));

        Assert.Equal(expected, json.RootElement.GetProperty(property).GetString());
    }

    [Fact]
    public void Consent_is_written_with_kebab_case_choices()
    {
        using var json = JsonDocument.Parse(JourneyJson.Serialize(SampleEvents.ByType[nameof(ConsentRecorded)]));
        var consent = json.RootElement.GetProperty("consent");

        Assert.Equal("status-only", consent.GetProperty("referrerSharing").GetString());
        Assert.Equal(["letter", "in-person"], consent.GetProperty("contact").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["afternoon", "evening"], consent.GetProperty("contact").GetProperty("times").EnumerateArray().Select(c => c.GetString()));
        Assert.True(consent.GetProperty("contact").GetProperty("doNotContact").GetBoolean());
        Assert.True(consent.GetProperty("researchUse").GetBoolean());
    }

    [Fact]
    public void A_lock_box_directive_is_written_with_kebab_case_parts_and_roles()
    {
        using var json = JsonDocument.Parse(JourneyJson.Serialize(SampleEvents.ByType[nameof(InformationWithheld)]));

        Assert.Equal(["assessments", "what-matters", "community-referrals"], json.RootElement.GetProperty("parts").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["referrer", "community-partner"], json.RootElement.GetProperty("roles").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["dr-chen", "org-parkdale-food"], json.RootElement.GetProperty("recipientIds").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void A_nested_enum_is_written_in_kebab_case_too()
    {
        using var json = JsonDocument.Parse(JourneyJson.Serialize(SampleEvents.ByType[nameof(ReferralReceived)]));

        Assert.Equal("fr", json.RootElement.GetProperty("client").GetProperty("preferredLanguage").GetString());
    }

    [Theory]
    [InlineData(JourneyStatus.UnableToContact, "unable-to-contact")]
    [InlineData(JourneyStatus.Referred, "referred")]
    public void Journey_statuses_are_written_in_kebab_case(JourneyStatus status, string expected)
    {
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(status, JourneyJson.Options));
        Assert.Equal(expected, WireNames.Of(status));
    }

    [Fact]
    public void An_enum_written_as_a_number_is_refused()
    {
        var json = JourneyJson.Serialize(SampleEvents.ByType[nameof(ContactRecorded)]).Replace("\"in-person\"", "1", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => JourneyJson.Deserialize(json));
    }

    [Fact]
    public void An_unknown_event_type_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => JourneyJson.Deserialize("""{"type":"ReferralTeleported","commandId":"0197a3c2-0000-7000-8000-000000000042"}"""));
    }

    [Fact]
    public void A_null_document_is_refused()
    {
        Assert.Throws<JsonException>(() => JourneyJson.Deserialize("null"));
    }

    /// <summary>The same document with the "type" property moved to <paramref name="position"/> (clamped to the last place).</summary>
    private static string WithTypeAt(string json, int position)
    {
        var properties = JsonNode.Parse(json)!.AsObject().Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        var discriminator = properties.Single(p => p.Key == "type");
        properties.Remove(discriminator);
        properties.Insert(Math.Min(position, properties.Count), discriminator);
        return new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, p.Value))).ToJsonString();
    }

    private static List<string> PropertyNamesIn(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "type").Order(StringComparer.Ordinal)];
    }

    private static List<string> PropertyNamesOf(Type type) =>
        [.. type.GetProperties()
            .Where(p => p.Name != nameof(JourneyEvent.Type) && p.Name != "EqualityContract")
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order(StringComparer.Ordinal)];
}
