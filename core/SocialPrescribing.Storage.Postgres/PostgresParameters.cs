using Npgsql;
using NpgsqlTypes;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>Typed positional parameters, so Npgsql never has to guess a PostgreSQL type from a CLR value.</summary>
internal static class PostgresParameters
{
    /// <summary>
    /// The twenty-seven parameters of the statement <see cref="PostgresStatements.For"/> picks for
    /// <paramref name="append"/>, in their positional order: the events as arrays, or as plain values when there is one.
    /// </summary>
    public static void AddAppend(NpgsqlParameterCollection parameters, JourneyAppend append)
    {
        var events = append.Events;
        var summary = append.Summary;
        parameters.Add(Text(append.Tenant.Value));
        parameters.Add(Uuid(append.JourneyId));
        parameters.Add(BigInt(append.ExpectedVersion));
        parameters.Add(BigInt(append.ExpectedVersion + events.Count));
        AddSummaryColumns(parameters, summary);

        if (events.Count == 1)
        {
            // The one-event statements take the event's columns as plain values.
            var only = events[0];
            parameters.Add(Text(only.Type));
            parameters.Add(Text(only.Data));
            parameters.Add(Uuid(only.CommandId));
            parameters.Add(Text(only.Actor));
            parameters.Add(Timestamp(only.OccurredAt));
        }
        else
        {
            var types = new string[events.Count];
            var data = new string[events.Count];
            var commands = new Guid[events.Count];
            var actors = new string[events.Count];
            var times = new DateTimeOffset[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                types[i] = events[i].Type;
                data[i] = events[i].Data;
                commands[i] = events[i].CommandId;
                actors[i] = events[i].Actor;
                times[i] = events[i].OccurredAt.ToUniversalTime();
            }

            parameters.Add(Array(types));
            parameters.Add(Array(data));
            parameters.Add(Array(commands));
            parameters.Add(Array(actors));
            parameters.Add(Array(times));
        }

        AddSummaryRest(parameters, summary);
    }

    /// <summary>The caseload row's columns from its status to its update time, in the statements' order.</summary>
    private static void AddSummaryColumns(NpgsqlParameterCollection parameters, JourneySummary summary)
    {
        parameters.Add(Text(summary.Status));
        parameters.Add(NullableText(summary.LinkWorkerId));
        parameters.Add(Text(summary.ClientName));
        parameters.Add(Timestamp(summary.ReferredAt));
        parameters.Add(NullableTimestamp(summary.FirstContactDueAt));
        parameters.Add(Boolean(summary.FirstContactOverdue));
        parameters.Add(Boolean(summary.AwaitsFirstContactCheck));
        parameters.Add(Timestamp(summary.UpdatedAt));
    }

    /// <summary>A whole caseload row, in the order of the store's summary columns.</summary>
    public static void AddCaseloadRow(NpgsqlParameterCollection parameters, TenantId tenant, Guid journeyId, long version, JourneySummary summary)
    {
        parameters.Add(Text(tenant.Value));
        parameters.Add(Uuid(journeyId));
        parameters.Add(BigInt(version));
        AddSummaryColumns(parameters, summary);
        AddSummaryRest(parameters, summary);
    }

    /// <summary>The twenty-nine parameters of <see cref="PostgresStatements.AppendMany"/>, in their positional order.</summary>
    public static void AddAppends(NpgsqlParameterCollection parameters, IReadOnlyList<JourneyAppend> appends)
    {
        var count = appends.Count;
        var tenants = new string[count];
        var journeys = new Guid[count];
        var expected = new long[count];
        var versions = new long[count];
        var statuses = new string[count];
        var workers = new string?[count];
        var names = new string[count];
        var referred = new DateTimeOffset[count];
        var due = new DateTimeOffset?[count];
        var overdue = new bool[count];
        var awaits = new bool[count];
        var updated = new DateTimeOffset[count];
        var alerts = new int[count];
        var digests = new string?[count];
        var trips = new int[count];
        var referrals = new string?[count];
        var needs = new string?[count];
        var firstContacts = new DateTimeOffset?[count];
        var lastContacts = new DateTimeOffset?[count];
        var followUps = new DateOnly?[count];
        var programs = new int[count];
        var births = new DateOnly?[count];
        var events = appends.Sum(a => a.Events.Count);
        var positions = new long[events];
        var eventVersions = new long[events];
        var types = new string[events];
        var data = new string[events];
        var commands = new Guid[events];
        var actors = new string[events];
        var times = new DateTimeOffset[events];
        var e = 0;
        for (var i = 0; i < count; i++)
        {
            var append = appends[i];
            var summary = append.Summary;
            tenants[i] = append.Tenant.Value;
            journeys[i] = append.JourneyId;
            expected[i] = append.ExpectedVersion;
            versions[i] = append.ExpectedVersion + append.Events.Count;
            statuses[i] = summary.Status;
            workers[i] = summary.LinkWorkerId;
            names[i] = summary.ClientName;
            referred[i] = summary.ReferredAt.ToUniversalTime();
            due[i] = summary.FirstContactDueAt?.ToUniversalTime();
            overdue[i] = summary.FirstContactOverdue;
            awaits[i] = summary.AwaitsFirstContactCheck;
            updated[i] = summary.UpdatedAt.ToUniversalTime();
            alerts[i] = summary.OpenSafetyAlerts;
            digests[i] = summary.AssessmentDigest;
            trips[i] = summary.TripsAwaitingPartner;
            referrals[i] = summary.CommunityReferrals;
            needs[i] = summary.UnmetNeeds;
            firstContacts[i] = summary.FirstContactAt?.ToUniversalTime();
            lastContacts[i] = summary.LastContactAt?.ToUniversalTime();
            followUps[i] = summary.NextFollowUpOn;
            programs[i] = summary.ActivePrograms;
            births[i] = summary.BirthDate;
            for (var n = 0; n < append.Events.Count; n++, e++)
            {
                var next = append.Events[n];
                positions[e] = i + 1;
                eventVersions[e] = append.ExpectedVersion + n + 1;
                types[e] = next.Type;
                data[e] = next.Data;
                commands[e] = next.CommandId;
                actors[e] = next.Actor;
                times[e] = next.OccurredAt.ToUniversalTime();
            }
        }

        parameters.Add(Array(tenants));
        parameters.Add(Array(journeys));
        parameters.Add(Array(expected));
        parameters.Add(Array(versions));
        parameters.Add(Array(statuses));
        parameters.Add(Array(workers));
        parameters.Add(Array(names));
        parameters.Add(Array(referred));
        parameters.Add(Array(due));
        parameters.Add(Array(overdue));
        parameters.Add(Array(awaits));
        parameters.Add(Array(updated));
        parameters.Add(Array(positions));
        parameters.Add(Array(eventVersions));
        parameters.Add(Array(types));
        parameters.Add(Array(data));
        parameters.Add(Array(commands));
        parameters.Add(Array(actors));
        parameters.Add(Array(times));
        parameters.Add(Array(alerts));
        parameters.Add(Array(digests));
        parameters.Add(Array(trips));
        parameters.Add(Array(referrals));
        parameters.Add(Array(needs));
        parameters.Add(Array(firstContacts));
        parameters.Add(Array(lastContacts));
        parameters.Add(Array(followUps));
        parameters.Add(Array(programs));
        parameters.Add(Array(births));
    }

    /// <summary>The caseload row's columns after its update time (alerts, digests, trips, contacts, follow-up, programs, birth date), in the statements' order.</summary>
    private static void AddSummaryRest(NpgsqlParameterCollection parameters, JourneySummary summary)
    {
        parameters.Add(Integer(summary.OpenSafetyAlerts));
        parameters.Add(NullableText(summary.AssessmentDigest));
        parameters.Add(Integer(summary.TripsAwaitingPartner));
        parameters.Add(NullableText(summary.CommunityReferrals));
        parameters.Add(NullableText(summary.UnmetNeeds));
        parameters.Add(NullableTimestamp(summary.FirstContactAt));
        parameters.Add(NullableTimestamp(summary.LastContactAt));
        parameters.Add(NullableDate(summary.NextFollowUpOn));
        parameters.Add(Integer(summary.ActivePrograms));
        parameters.Add(NullableDate(summary.BirthDate));
    }

    public static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    public static NpgsqlParameter<T[]> Array<T>(T[] values) => new() { TypedValue = values };

    public static NpgsqlParameter NullableText(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter<Guid> Uuid(Guid value) => new() { TypedValue = value };

    public static NpgsqlParameter<long> BigInt(long value) => new() { TypedValue = value };

    public static NpgsqlParameter<int> Integer(int value) => new() { TypedValue = value };

    public static NpgsqlParameter<bool> Boolean(bool value) => new() { TypedValue = value };

    // timestamptz holds an instant; Npgsql only writes DateTimeOffsets at offset zero, so normalise here.
    public static NpgsqlParameter<DateTimeOffset> Timestamp(DateTimeOffset value) => new() { TypedValue = value.ToUniversalTime() };

    public static NpgsqlParameter NullableDate(DateOnly? value) => new() { Value = value is { } day ? day : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    public static NpgsqlParameter NullableTimestamp(DateTimeOffset? value) =>
        new() { Value = value is { } at ? at.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
