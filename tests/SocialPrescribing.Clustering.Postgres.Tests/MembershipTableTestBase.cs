using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>Gives each test a <see cref="ScratchMembershipTable"/> of its own, dropped when the test is done.</summary>
public abstract class MembershipTableTestBase(PostgresFixture postgres) : IAsyncLifetime
{
    private ScratchMembershipTable? _scratch;

    private protected ScratchMembershipTable Scratch =>
        _scratch ?? throw new InvalidOperationException("The scratch table exists once xUnit has initialised the test.");

    private protected PostgresMembershipTable Table => Scratch.Table;

    public async ValueTask InitializeAsync() => _scratch = await ScratchMembershipTable.CreateAsync(postgres);

    public async ValueTask DisposeAsync()
    {
        if (_scratch is not null)
        {
            await _scratch.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
