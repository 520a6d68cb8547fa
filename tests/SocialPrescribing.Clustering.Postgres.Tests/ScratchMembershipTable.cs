using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>
/// A membership table for one test: a schema of its own on the shared test server, initialised for a fresh cluster,
/// and dropped with everything in it afterwards.
/// </summary>
internal sealed class ScratchMembershipTable : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly string _schema;

    private ScratchMembershipTable(PostgresServer server, string schema, string clusterId)
    {
        _server = server;
        _schema = schema;
        ClusterId = clusterId;
        Table = Open(clusterId);
    }

    public string ClusterId { get; }

    public PostgresMembershipTable Table { get; }

    public static async Task<ScratchMembershipTable> CreateAsync(PostgresFixture postgres)
    {
        var scratch = new ScratchMembershipTable(
            await postgres.GetServerAsync(), PostgresServer.UniqueName("membership"), PostgresServer.UniqueName("cluster"));
        await scratch.Table.InitializeMembershipTable(tryInitTableVersion: true);
        return scratch;
    }

    /// <summary>A table over the same schema for <paramref name="clusterId"/>; the caller initialises and disposes it.</summary>
    public PostgresMembershipTable Open(string clusterId) => new(
        Options.Create(new PostgresClusteringOptions { ConnectionString = _server.ConnectionString, Schema = _schema }),
        Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "tests" }),
        NullLogger<PostgresMembershipTable>.Instance);

    /// <summary>The version a change made now must carry: the current one, moved on by one.</summary>
    public async Task<TableVersion> NextVersionAsync() => (await Table.ReadAll()).Version.Next();

    /// <summary>Inserts <paramref name="entry"/> at the next version, failing the test when the table refuses it.</summary>
    public async Task InsertAsync(MembershipEntry entry) =>
        Assert.True(await Table.InsertRow(entry, await NextVersionAsync()), $"inserting {entry.SiloAddress} was refused");

    public async ValueTask DisposeAsync()
    {
        await Table.DisposeAsync();
        await _server.DropSchemaAsync(_schema, CancellationToken.None);
    }
}
