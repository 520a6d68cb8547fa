using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Diagnostic rows that split the grain path's cost: an Orleans call that does nothing (<c>probe-orleans</c>)
/// and one that executes the raw baseline's INSERT inside the grain (<c>probe-orleans-raw</c>). Same silo set-up
/// as <see cref="GrainScenario"/>.
/// </summary>
internal sealed class ProbeScenario(string name, string connectionString, bool insert) : LoadScenario
{
    private IHost? _host;
    private IGrainFactory? _grains;

    public override string Name => name;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        await using (var create = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS probe;
            DROP TABLE IF EXISTS {ProbeDatabase.Table};
            CREATE TABLE {ProbeDatabase.Table} (
                tenant text NOT NULL, journey_id uuid NOT NULL, version bigint NOT NULL, event_type text NOT NULL,
                data text NOT NULL, command_id uuid NOT NULL, actor text NOT NULL, occurred_at timestamptz NOT NULL,
                PRIMARY KEY (tenant, journey_id, version))
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ProbeDatabase(connectionString));
        var cluster = "probe-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next(), null, cluster, cluster));
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _grains = _host.Services.GetRequiredService<IGrainFactory>();
    }

    public override async Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        var grain = _grains!.GetGrain<IProbeGrain>(Guid.CreateVersion7());
        var sequence = 0L;
        await grain.Ping(0);
        return insert ? () => grain.Insert(sequence++) : () => grain.Ping(sequence++);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
