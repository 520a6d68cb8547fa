using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace SocialPrescribing.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests. <see cref="CreateAsync"/> uses the server named by the
/// <c>SP_TEST_POSTGRES</c> connection string when that variable is set; otherwise it runs <c>initdb</c> into a
/// fresh temporary folder and starts <c>postgres</c> from it on a free loopback port, with <c>fsync</c> on so
/// crash tests mean something. Disposing stops that server and deletes the folder.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When the tests do, the folder is handed to the <c>postgres</c> account
/// (created by Debian's package) and every server program is started through <c>runuser -u postgres</c>.
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>The environment variable that points the tests at an existing server instead.</summary>
    public const string ConnectionStringVariable = "SP_TEST_POSTGRES";

    private const string FolderPrefix = "sp-pg-";
    private const string OwnerFile = "owner.pid";
    private const string ServiceAccount = "postgres";

    private readonly string? _folder;
    private readonly string? _binDirectory;
    private readonly bool _runAsServiceAccount;
    private int _port;
    private bool _running;
    private bool _everStarted;

    private PostgresServer(string connectionString)
    {
        ConnectionString = connectionString;
    }

    private PostgresServer(string binDirectory, string folder, bool runAsServiceAccount)
    {
        _binDirectory = binDirectory;
        _folder = folder;
        _runAsServiceAccount = runAsServiceAccount;
        ConnectionString = string.Empty;
    }

    /// <summary>A connection string to the server's <c>postgres</c> database as a superuser.</summary>
    public string ConnectionString { get; private set; }

    /// <summary>True when the server came from <c>SP_TEST_POSTGRES</c>: it cannot be stopped or restarted here.</summary>
    public bool IsExternal => _folder is null;

    /// <summary>True when <c>CI</c> is <c>true</c>: a missing PostgreSQL is then a failure, not a reason to skip.</summary>
    public static bool RunningUnderCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private string DataDirectory => Path.Combine(_folder!, "data");

    private string LogFile => Path.Combine(_folder!, "postgres.log");

    /// <summary>
    /// Gives a server ready for connections. Throws <see cref="PostgresUnavailableException"/> when
    /// <c>SP_TEST_POSTGRES</c> is unset and no binaries are installed under <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public static async Task<PostgresServer> CreateAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var server = new PostgresServer(external);
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return server;
        }

        var bin = PostgresBinaries.FindBinDirectory() ?? throw new PostgresUnavailableException(PostgresBinaries.NotFoundMessage);
        var asServiceAccount = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        await ReapAbandonedServersAsync(bin, asServiceAccount, cancellationToken);

        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N"));
        var owned = new PostgresServer(bin, folder, asServiceAccount);
        try
        {
            await owned.InitializeAsync(cancellationToken);
            await owned.StartAsync(cancellationToken);
            return owned;
        }
        catch
        {
            await owned.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh, valid, lower-case identifier for a schema or database, starting with <paramref name="prefix"/>.</summary>
    public static string UniqueName(string prefix)
    {
        if (!IdentifierPrefix().IsMatch(prefix))
        {
            throw new ArgumentException("A prefix is 1 to 30 characters of a-z, 0-9 and '_', starting with a letter.", nameof(prefix));
        }

        return prefix + "_" + Guid.NewGuid().ToString("N");
    }

    /// <summary>Starts the server again on its data folder and port after <see cref="StopAsync"/> or <see cref="StopImmediateAsync"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        EnsureOwned();
        if (_running)
        {
            return;
        }

        // A port taken between choosing it and binding it is the only expected failure; choose again.
        for (var attempt = 1; ; attempt++)
        {
            if (_port == 0)
            {
                _port = Testing.FreePort.Next();
            }

            var (exitCode, output) = await RunToolAsync(
                "pg_ctl",
                [
                    "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-s",
                    "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=400",
                ],
                cancellationToken);
            if (exitCode == 0)
            {
                break;
            }

            var log = ReadLogTail();
            // A restart keeps its port (connection strings already point there), so only a first start moves.
            if (attempt < 3 && !_everStarted && log.Contains("could not bind", StringComparison.Ordinal))
            {
                _port = 0;
                continue;
            }

            throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exited with {exitCode}).{Environment.NewLine}{output}{Environment.NewLine}{log}");
        }

        _running = true;
        _everStarted = true;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>A clean, fast shutdown (<c>pg_ctl stop -m fast</c>): sessions are ended, everything is flushed.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopInModeAsync("fast", cancellationToken);

    /// <summary>
    /// Stops the server as a crash would (<c>pg_ctl stop -m immediate</c>): no checkpoint, so the next
    /// <see cref="StartAsync"/> recovers from the write-ahead log.
    /// </summary>
    public Task StopImmediateAsync(CancellationToken cancellationToken = default) => StopInModeAsync("immediate", cancellationToken);

    /// <summary>Creates a database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        EnsureIdentifier(name);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Makes sure a login role exists that row-level security binds, as an application's role should be: no superuser,
    /// no BYPASSRLS, no right to create databases or roles. Safe to repeat, also beside another caller (a server named
    /// by <c>SP_TEST_POSTGRES</c> may keep it from an earlier run). Returns a connection string as that role.
    /// </summary>
    public async Task<string> EnsureRestrictedRoleAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        EnsureIdentifier(name);
        await ExecuteAsync(
            $"""
            DO $$
            BEGIN
                CREATE ROLE {name} LOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END
            $$;
            ALTER ROLE {name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';
            """,
            cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Username = name, Password = password }.ConnectionString;
    }

    /// <summary>
    /// <c>pg_dump --format=custom</c> of the database <paramref name="connectionString"/> names into <paramref name="file"/>,
    /// as an operator backs a deployment up (the client tools of the server's own binaries, over TCP).
    /// </summary>
    public static Task DumpAsync(string connectionString, string file, CancellationToken cancellationToken = default) =>
        RunClientToolAsync("pg_dump", connectionString, ["--format=custom", "--file", file], cancellationToken);

    /// <summary><c>pg_restore</c> of <paramref name="file"/> into the (empty) database <paramref name="connectionString"/> names.</summary>
    public static Task RestoreAsync(string connectionString, string file, CancellationToken cancellationToken = default) =>
        RunClientToolAsync("pg_restore", connectionString, ["--no-owner", "--exit-on-error", file], cancellationToken);

    private static async Task RunClientToolAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.FindBinDirectory() ?? throw new PostgresUnavailableException(PostgresBinaries.NotFoundMessage);
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        // The password goes in the environment, never on a command line other processes can read.
        var environment = new Dictionary<string, string> { ["PGPASSWORD"] = target.Password ?? string.Empty };
        var (exitCode, output) = await ProcessRunner.RunAsync(
            Path.Combine(bin, tool),
            [.. arguments, "--host", target.Host ?? "127.0.0.1", "--port", target.Port.ToString(CultureInfo.InvariantCulture), "--username", target.Username ?? "postgres", "--dbname", target.Database!],
            cancellationToken,
            environment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {exitCode}:{Environment.NewLine}{output}");
        }
    }

    /// <summary>Drops a schema and everything in it, when it exists.</summary>
    public Task DropSchemaAsync(string name, CancellationToken cancellationToken = default)
    {
        EnsureIdentifier(name);
        return ExecuteAsync($"DROP SCHEMA IF EXISTS \"{name}\" CASCADE", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsExternal)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (_running)
        {
            await StopAsync(CancellationToken.None);
        }

        DeleteFolder(_folder!);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder!);
        await File.WriteAllTextAsync(Path.Combine(_folder!, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (_runAsServiceAccount)
        {
            await ProcessRunner.RunCheckedAsync("chown", [$"{ServiceAccount}:{ServiceAccount}", _folder!], cancellationToken);
        }

        // --no-sync only skips flushing the initial catalogue; the running server fsyncs every commit.
        var (exitCode, output) = await RunToolAsync(
            "initdb",
            ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"],
            cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"initdb exited with {exitCode}:{Environment.NewLine}{output}");
        }
    }

    private async Task StopInModeAsync(string mode, CancellationToken cancellationToken)
    {
        EnsureOwned();
        if (!_running)
        {
            return;
        }

        var (exitCode, output) = await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "60", "-s"], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop -m {mode} exited with {exitCode}:{Environment.NewLine}{output}");
        }

        _running = false;
    }

    private Task<(int ExitCode, string Output)> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunToolAsync(_binDirectory!, _runAsServiceAccount, tool, arguments, cancellationToken);

    private static Task<(int ExitCode, string Output)> RunToolAsync(string binDirectory, bool asServiceAccount, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var program = Path.Combine(binDirectory, tool);
        return asServiceAccount
            ? ProcessRunner.RunAsync("runuser", ["-u", ServiceAccount, "--", program, .. arguments], cancellationToken)
            : ProcessRunner.RunAsync(program, arguments, cancellationToken);
    }

    private async Task WaitUntilReadyAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (clock.Elapsed < patience)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException($"The test PostgreSQL server at {builder.Host}:{builder.Port} did not accept connections.", ex);
            }
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string ReadLogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join(Environment.NewLine, lines.TakeLast(30));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log unreadable)";
        }
    }

    private void EnsureOwned()
    {
        if (IsExternal)
        {
            throw new NotSupportedException($"The server named by {ConnectionStringVariable} belongs to someone else; it cannot be stopped or started by tests.");
        }
    }

    private static void EnsureIdentifier(string name)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException("Use 1 to 63 characters of a-z, 0-9 and '_', starting with a letter or '_'.", nameof(name));
        }
    }


    /// <summary>
    /// Stops and deletes servers left behind by test runs that died before disposing them (a killed test
    /// host, say): their folder names a process that no longer exists.
    /// </summary>
    private static async Task ReapAbandonedServersAsync(string binDirectory, bool asServiceAccount, CancellationToken cancellationToken)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!int.TryParse(ReadOwner(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var owner) || IsAlive(owner))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await RunToolAsync(binDirectory, asServiceAccount, "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30", "-s"], cancellationToken);
            }

            DeleteFolder(folder);
        }
    }

    private static string? ReadOwner(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, OwnerFile)).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run's reaper.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the next run's reaper.
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,29}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPrefix();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
