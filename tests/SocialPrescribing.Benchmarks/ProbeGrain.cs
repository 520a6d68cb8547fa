using Npgsql;

namespace SocialPrescribing.Benchmarks;

/// <summary>A diagnostic grain: what an Orleans call costs alone, and with one raw insert awaited inside it.</summary>
[Alias("sp.bench.IProbeGrain")]
public interface IProbeGrain : IGrainWithGuidKey
{
    /// <summary>Returns at once: the Orleans round trip and nothing else.</summary>
    [Alias("Ping")]
    Task<long> Ping(long sequence);

    /// <summary>The raw baseline's prepared single-row INSERT + COMMIT, executed inside the grain.</summary>
    [Alias("Insert")]
    Task<long> Insert(long sequence);
}

/// <summary>Where <see cref="ProbeGrain"/> inserts: the raw baseline's table shape, in its own schema.</summary>
internal sealed class ProbeDatabase(string connectionString)
{
    public const string Table = "probe.events";

    public string ConnectionString => connectionString;
}

internal sealed class ProbeGrain(ProbeDatabase database) : Grain, IProbeGrain
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _insert;
    private NpgsqlParameter<long>? _version;
    private NpgsqlParameter<Guid>? _commandId;
    private NpgsqlParameter<DateTimeOffset>? _occurredAt;

    public Task<long> Ping(long sequence) => Task.FromResult(sequence);

    public async Task<long> Insert(long sequence)
    {
        if (_insert is null)
        {
            _connection = new NpgsqlConnection(database.ConnectionString);
            await _connection.OpenAsync();
            _insert = new NpgsqlCommand(
                $"INSERT INTO {ProbeDatabase.Table} (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                _connection);
            _version = new NpgsqlParameter<long>();
            _commandId = new NpgsqlParameter<Guid>();
            _occurredAt = new NpgsqlParameter<DateTimeOffset>();
            _insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "ab" });
            _insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = this.GetPrimaryKey() });
            _insert.Parameters.Add(_version);
            _insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "ContactRecorded" });
            _insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SampleEvents.ContactBody() });
            _insert.Parameters.Add(_commandId);
            _insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SampleEvents.Actor });
            _insert.Parameters.Add(_occurredAt);
            await _insert.PrepareAsync();
        }

        _version!.TypedValue = sequence + 1;
        _commandId!.TypedValue = Guid.CreateVersion7();
        _occurredAt!.TypedValue = DateTimeOffset.UtcNow;
        await _insert.ExecuteNonQueryAsync();
        return sequence;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
