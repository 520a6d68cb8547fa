using Orleans.Dashboard;
using Hangfire.Common;
using Hangfire;
using System.Net;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Npgsql;
using System.Net.Sockets;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Orleans.Configuration;
using SocialPrescribing.Clustering.Postgres;
using SocialPrescribing.Application.Projections;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Documents;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.Audit;
using SocialPrescribing.Host.Tenants;
using SocialPrescribing.Jobs;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Host.Hosting;

/// <summary>One <c>AddX</c> per subsystem; <c>Program.cs</c> lists them.</summary>
internal static class HostingExtensions
{
    /// <summary>
    /// Reads <c>appsettings.json</c> (and <c>appsettings.{Environment}.json</c>) from the folder the host was
    /// installed to when the content root has none, so <c>dotnet /opt/sp/SocialPrescribing.Host.dll</c> started
    /// from any folder is configured as it was built. They are the first sources, so environment variables
    /// and the command line still override them.
    /// </summary>
    public static WebApplicationBuilder AddInstalledSettings(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var installed = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(contentRoot, "appsettings.json"))
            || Path.GetFullPath(contentRoot).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(installed).TrimEnd(Path.DirectorySeparatorChar))
        {
            return builder;
        }

        var sources = (IList<IConfigurationSource>)builder.Configuration.Sources;
        var files = new PhysicalFileProvider(installed);
        sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = $"appsettings.{builder.Environment.EnvironmentName}.json", Optional = true });
        sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = "appsettings.json", Optional = true });
        return builder;
    }

    public static WebApplicationBuilder AddTenants(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Dictionary<string, TenantOptions>>(builder.Configuration.GetSection("Tenants"));
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<TenantDirectory>());
        builder.Services.AddSingleton<ITenantChanges>(sp => sp.GetRequiredService<TenantDirectory>());
        return builder;
    }

    public static WebApplicationBuilder AddJourneyStorage(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Storage");
        var (provider, connectionString) = StorageOptions.Resolve(builder.Configuration);
        if (provider == StorageOptions.Postgres)
        {
            builder.Services.AddPostgresJourneyStore(connectionString!, section, StorageOptions.OwnerConnectionString(builder.Configuration));
            var atStartUp = section.GetValue(nameof(PostgresStorageOptions.MigrateOnFirstUse), true);
            builder.Services.AddSingleton(sp => new SchemaMigration("journeys", sp.GetRequiredService<PostgresJourneyStore>().MigrateAsync, atStartUp));
        }
        else
        {
            builder.Services.AddSqliteJourneyStore(section);
            builder.Services.AddSingleton(sp => new SchemaMigration("journeys", _ => sp.GetRequiredService<SqliteJourneyStore>().MigrateAsync(), AtStartUp: true));
        }

        builder.Services.AddHostedService<StorageMigrationService>();
        if (provider == StorageOptions.Postgres)
        {
            // After the migrations (hosted services start in order).
            builder.Services.AddHostedService<PostgresIsolationCheck>();
        }

        return builder;
    }

    public static WebApplicationBuilder AddJourneyActors(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Orleans").Get<OrleansOptions>() ?? new OrleansOptions();
        var (provider, connectionString) = StorageOptions.Resolve(builder.Configuration);
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var owner = StorageOptions.OwnerConnectionString(builder.Configuration);
        var migrateOnFirstUse = builder.Configuration.GetSection("Storage").GetValue(nameof(PostgresStorageOptions.MigrateOnFirstUse), true);
        if (provider == StorageOptions.Postgres)
        {
            // With an owner the silo may not create its tables itself: the owner does, at start-up or in `migrate`.
            builder.Services.AddSingleton(new SchemaMigration("cluster membership", async cancellationToken =>
            {
                await PostgresMembershipTable.CreateSchemaAsync(owner ?? connectionString!, storage.Schema, cancellationToken);
                if (owner is not null)
                {
                    await PostgresApplicationGrants.GrantTablesAsync(owner, connectionString!, storage.Schema, PostgresMembershipTable.Tables, cancellationToken);
                }
            }, AtStartUp: owner is not null && migrateOnFirstUse));
        }

        builder.UseOrleans(silo =>
        {
            if (JobsDashboardExtensions.OrleansDashboard(builder.Configuration))
            {
                silo.AddDashboard();
            }

            silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = options.CollectionAge < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : options.CollectionAge);

            // Grain calls carry the request's trace when telemetry is exported; otherwise no filter runs on them.
            if (TelemetryExtensions.Exports(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }
            if (provider != StorageOptions.Postgres)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
                return;
            }

            silo.UsePostgresClustering(connectionString!, storage.Schema, createSchema: migrateOnFirstUse && owner is null);
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            if (options.AdvertisedIPAddress is { } address)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
            }
        });
        return builder;
    }

    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Jobs");
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        var (provider, connectionString) = StorageOptions.Resolve(builder.Configuration);
        var persistent = provider == StorageOptions.Postgres;
        // Hangfire creates its own tables on start-up only where the host may change the schema; otherwise
        // `migrate` installs them (see below) with the operator's privileged role.
        var migrateOnStart = builder.Configuration.GetSection("Storage").GetValue(nameof(PostgresStorageOptions.MigrateOnFirstUse), true);
        var owner = StorageOptions.OwnerConnectionString(builder.Configuration);
        // Hangfire keeps its storage and job activator in statics (JobStorage.Current, JobActivator.Current), which
        // AddHangfire registers unless they are registered first. Each host registers its own, so that several hosts
        // in one process (the tests run many) never run one another's jobs, or stop waiting on another's storage.
        builder.Services.AddSingleton<JobStorage>(_ => persistent
            ? CreatePostgresJobStorage(connectionString!, new PostgreSqlStorageOptions
            {
                SchemaName = options.PostgresSchema,
                PrepareSchemaIfNecessary = migrateOnStart && owner is null,
                // A job's lease is renewed while it runs, so a long job is not picked up twice,
                // and one whose host died is picked up again after the timeout.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            })
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        // Hangfire's filters plus the host's own (job spans when telemetry is exported), without touching its process-wide list.
        builder.Services.AddSingleton<IJobFilterProvider, HostJobFilters>();
        builder.Services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, hangfire) => hangfire
            .UseLogProvider(new JobLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>())))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (persistent)
        {
            builder.Services.AddSingleton(new SchemaMigration("jobs", async cancellationToken =>
            {
                await InstallJobSchemaAsync(owner ?? connectionString!, options.PostgresSchema, cancellationToken);
                if (owner is not null)
                {
                    await PostgresApplicationGrants.GrantSchemaAsync(owner, connectionString!, options.PostgresSchema, cancellationToken);
                }
            }, AtStartUp: owner is not null && migrateOnStart));
        }

        builder.Services.PostConfigure<JobsOptions>(jobs => jobs.PersistentJobStorage = persistent);
        builder.Services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.ShutdownTimeout = options.ShutdownTimeout;
            server.WorkerCount = options.WorkerCount;
        });
        builder.Services.AddJourneyJobs(section);
        return builder;
    }

    private static PostgreSqlStorage CreatePostgresJobStorage(string connectionString, PostgreSqlStorageOptions options) =>
        new(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);

    private static async Task InstallJobSchemaAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, schema);
    }

    public static WebApplicationBuilder AddJourneyDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddDocuments(builder.Configuration.GetSection("Documents"));
        builder.Services.AddScoped<SocialPrescribing.Host.Features.Documents.JourneyDocuments>();
        return builder;
    }

    /// <summary>
    /// <c>SocialPrescribing.Host migrate</c>: apply the storage schema migrations and exit, for operators
    /// who migrate before rolling out hosts (or whose hosts run with a role that may not change the schema).
    /// </summary>
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        if (AccessCommands.Handles(args) || AuditCommands.Handles(args) || args is ["projections", ..])
        {
            await ServeStoredTenantsAsync(app);
        }

        if (AccessCommands.Handles(args))
        {
            Environment.ExitCode = await AccessCommands.RunAsync(app, args);
            return true;
        }

        if (AuditCommands.Handles(args))
        {
            Environment.ExitCode = await AuditCommands.RunAsync(app.Services, args);
            return true;
        }

        if (args is ["projections", ..])
        {
            await RebuildProjectionsAsync(app, args);
            return true;
        }

        if (args is not ["migrate", ..])
        {
            return false;
        }

        foreach (var migration in app.Services.GetServices<SchemaMigration>())
        {
            await migration.ApplyAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"Schema of {migration.Name} is up to date.");
        }

        await Console.Out.WriteLineAsync("Storage schema is up to date.");
        return true;
    }

    /// <summary>
    /// A command works on the tenants the deployment serves, those created while the hosts ran included (a user added to a
    /// province created through the API, its audit log purged by its own retention, its activity counted in its own time zone).
    /// Without a database to read them from yet, the command has the configured ones.
    /// </summary>
    private static async Task ServeStoredTenantsAsync(WebApplication app)
    {
        try
        {
            await app.Services.GetRequiredService<SocialPrescribing.Host.Features.Tenants.TenantProvisioning>().ServeStoredAsync(CancellationToken.None);
        }
        catch (SocialPrescribing.Storage.StorageUnavailableException)
        {
        }
    }

    /// <summary>
    /// <c>SocialPrescribing.Host projections rebuild [--name caseload|activity]</c>: drops the read models (or the one named)
    /// and builds them again from the events. Appends wait while the caseload is rebuilt; reads go on.
    /// </summary>
    private static async Task RebuildProjectionsAsync(WebApplication app, string[] args)
    {
        var name = Array.IndexOf(args, "--name") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var rebuild = app.Services.GetRequiredService<ProjectionRebuild>();
        if (args is not [_, "rebuild", ..] || (name is not null && !rebuild.Names.Contains(name, StringComparer.Ordinal)))
        {
            await Console.Error.WriteLineAsync($"Usage: projections rebuild [--name {string.Join("|", rebuild.Names)}]");
            Environment.ExitCode = 2;
            return;
        }

        foreach (var (projection, rows) in await rebuild.RebuildAsync(name))
        {
            await Console.Out.WriteLineAsync(projection == CaseloadProjection.Name
                ? $"Projection {projection} rebuilt: {rows} rows."
                : $"Projection {projection} rebuilt: {rows} events counted.");
        }
    }
}
