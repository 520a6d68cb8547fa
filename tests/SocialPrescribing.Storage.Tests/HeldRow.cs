using Npgsql;

namespace SocialPrescribing.Storage.Tests;

/// <summary>A row lock held by an open transaction on a connection of its own, until released or disposed.</summary>
internal sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    private bool _released;

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
