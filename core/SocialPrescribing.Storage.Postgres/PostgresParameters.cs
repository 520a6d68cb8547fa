using Npgsql;
using NpgsqlTypes;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>Typed positional parameters, so Npgsql never has to guess a PostgreSQL type from a CLR value.</summary>
internal static class PostgresParameters
{
    /// <summary>
    /// The parameters of the statement <see cref="PostgresStatements.For"/> picks for <paramref name="append"/>, in their
    /// positional order: the key, the events (as arrays, or as plain values when there is one), then the caseload columns.
    /// </summary>
    public static void AddAppend(NpgsqlParameterCollection parameters, JourneyAppend append)
    {
        var events = append.Events;
        parameters.Add(Text(append.Tenant.Value));
        parameters.Add(Uuid(append.JourneyId));
        parameters.Add(BigInt(append.ExpectedVersion));
        parameters.Add(BigInt(append.ExpectedVersion + events.Count));

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

        AddColumns(parameters, append.Summary);
    }

    /// <summary>A whole caseload row: its key, then its columns.</summary>
    public static void AddCaseloadRow(NpgsqlParameterCollection parameters, TenantId tenant, Guid journeyId, long version, JourneySummary summary)
    {
        parameters.Add(Text(tenant.Value));
        parameters.Add(Uuid(journeyId));
        parameters.Add(BigInt(version));
        AddColumns(parameters, summary);
    }

    /// <summary>The parameters of <see cref="PostgresStatements.AppendMany"/>, in their positional order.</summary>
    public static void AddAppends(NpgsqlParameterCollection parameters, IReadOnlyList<JourneyAppend> appends)
    {
        var count = appends.Count;
        var tenants = new string[count];
        var journeys = new Guid[count];
        var expected = new long[count];
        var versions = new long[count];
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
            tenants[i] = append.Tenant.Value;
            journeys[i] = append.JourneyId;
            expected[i] = append.ExpectedVersion;
            versions[i] = append.ExpectedVersion + append.Events.Count;
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
        parameters.Add(Array(positions));
        parameters.Add(Array(eventVersions));
        parameters.Add(Array(types));
        parameters.Add(Array(data));
        parameters.Add(Array(commands));
        parameters.Add(Array(actors));
        parameters.Add(Array(times));
        foreach (var column in JourneySummary.Columns)
        {
            parameters.Add(ColumnArray(column, appends));
        }
    }

    /// <summary>The caseload row's columns, one parameter each, in <see cref="JourneySummary.Columns"/> order.</summary>
    private static void AddColumns(NpgsqlParameterCollection parameters, JourneySummary summary)
    {
        foreach (var column in JourneySummary.Columns)
        {
            // Columns that are never null travel as typed parameters, which Npgsql writes without looking up a type.
            var value = column.ValueOf(summary);
            parameters.Add(column.Kind switch
            {
                CaseloadColumnKind.Text when !column.Nullable => Text((string)value!),
                CaseloadColumnKind.Text or CaseloadColumnKind.Json => NullableText((string?)value),
                CaseloadColumnKind.Count => Integer((int)value!),
                CaseloadColumnKind.Boolean => Boolean((bool)value!),
                CaseloadColumnKind.Instant when !column.Nullable => Timestamp((DateTimeOffset)value!),
                CaseloadColumnKind.Instant => NullableTimestamp((DateTimeOffset?)value),
                CaseloadColumnKind.Date => NullableDate((DateOnly?)value),
                _ => throw UnknownKind(column),
            });
        }
    }

    /// <summary>One caseload column of every append, as the typed array <see cref="PostgresStatements.AppendMany"/> unnests.</summary>
    private static NpgsqlParameter ColumnArray(CaseloadColumn column, IReadOnlyList<JourneyAppend> appends) => column.Kind switch
    {
        CaseloadColumnKind.Text or CaseloadColumnKind.Json => Array(Values(column, appends, v => (string?)v)),
        CaseloadColumnKind.Count => Array(Values(column, appends, v => (int)v!)),
        CaseloadColumnKind.Boolean => Array(Values(column, appends, v => (bool)v!)),
        CaseloadColumnKind.Instant => Array(Values(column, appends, v => ((DateTimeOffset?)v)?.ToUniversalTime())),
        CaseloadColumnKind.Date => Array(Values(column, appends, v => (DateOnly?)v)),
        _ => throw UnknownKind(column),
    };

    private static T[] Values<T>(CaseloadColumn column, IReadOnlyList<JourneyAppend> appends, Func<object?, T> convert)
    {
        var values = new T[appends.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = convert(column.ValueOf(appends[i].Summary));
        }

        return values;
    }

    private static ArgumentOutOfRangeException UnknownKind(CaseloadColumn column) =>
        new(nameof(column), column.Kind, $"Caseload column '{column.Name}' is of a kind the PostgreSQL store does not know.");

    public static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    public static NpgsqlParameter<T[]> Array<T>(T[] values) => new() { TypedValue = values };

    public static NpgsqlParameter NullableText(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter<Guid> Uuid(Guid value) => new() { TypedValue = value };

    public static NpgsqlParameter NullableUuid(Guid? value) => new() { Value = value is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid };

    public static NpgsqlParameter<long> BigInt(long value) => new() { TypedValue = value };

    public static NpgsqlParameter<int> Integer(int value) => new() { TypedValue = value };

    public static NpgsqlParameter<bool> Boolean(bool value) => new() { TypedValue = value };

    // timestamptz holds an instant; Npgsql only writes DateTimeOffsets at offset zero, so normalise here.
    public static NpgsqlParameter<DateTimeOffset> Timestamp(DateTimeOffset value) => new() { TypedValue = value.ToUniversalTime() };

    public static NpgsqlParameter NullableDate(DateOnly? value) => new() { Value = value is { } day ? day : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date };

    public static NpgsqlParameter NullableTimestamp(DateTimeOffset? value) =>
        new() { Value = value is { } at ? at.ToUniversalTime() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
