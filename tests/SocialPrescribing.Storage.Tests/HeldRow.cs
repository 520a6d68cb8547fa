using Npgsql;

namespace SocialPrescribing.Storage.Tests;

/// <summary>A row lock held by an open transaction on a connection of its own, until released or disposed.</summary>
internal sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    private bool _released;

    /// <summary>Runs <paramref name="sql"/> (a <c>SELECT … FOR UPDATE</c> of one row) in a transaction of its own and holds it open.</summary>
    public static async Task<HeldRow> LockAsync(NpgsqlDataSource dataSource, string sql, params NpgsqlParameter[] parameters)
    {
        var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        Assert.Equal(1, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        return new HeldRow(connection, transaction);
    }

    /// <summary>Ends the transaction, letting whoever waits for the row go on.</summary>
    public async Task ReleaseAsync()
    {
        if (!_released)
        {
            _released = true;
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
