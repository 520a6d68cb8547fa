using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Application;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Commands through the grain API of an Orleans silo running in this process, as the host's endpoints call it
/// (<see cref="IGrainFactory"/> from outside any grain). Each worker owns one journey: opened with a referral,
/// accepted, then sent contact attempts and contacts alternately. <paramref name="addStore"/> registers the engine;
/// <paramref name="measure"/>, when given, starts a measurement of the engine and returns what ends it;
/// <paramref name="cleanup"/> removes the engine's files once the silo has stopped; <paramref name="caseload"/> journeys
/// are put in the store for the measured tenant and for another before the workers start. With
/// <paramref name="application"/>, the journey goes through the application core as a link worker would, every
/// other operation a read of the journey instead of a command, each access audited by whatever
/// <see cref="IAuditLog"/> <paramref name="addStore"/> registered.
/// </summary>
internal sealed class GrainScenario(
    string name,
    Action<IServiceCollection> addStore,
    Func<IServiceProvider, Func<string?>>? measure = null,
    Action? cleanup = null,
    bool application = false,
    int caseload = 0) : LoadScenario
{
    private IHost? _host;
    private IGrainFactory? _grains;
    private JourneyUseCases? _useCases;

    public override string Name => name;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ITenantDirectory, BenchmarkTenants>();
        NoDispatchers.AddTo(builder.Services);
        // The reactions consumer reads the feed behind the commands, as it does in the host.
        builder.Services.AddJourneyReactor();
        addStore(builder.Services);
        if (application)
        {
            builder.Services.AddApplication();
        }

        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next(), null, cluster, cluster));
        _host = builder.Build();
        await _host.StartAsync(cancellationToken);
        _grains = _host.Services.GetRequiredService<IGrainFactory>();
        _useCases = application ? _host.Services.GetRequiredService<JourneyUseCases>() : null;
        await CaseloadFill.FillAsync(
            _host.Services.GetRequiredService<SocialPrescribing.Storage.IJourneyStore>(), [BenchmarkTenants.Alberta.Id, CaseloadFill.OtherTenant], caseload, cancellationToken);
    }

    public override async Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        if (_useCases is { } useCases)
        {
            return await ApplicationWorkerAsync(useCases, worker);
        }

        var journey = _grains!.GetGrain<IJourneyGrain>(Guid.CreateVersion7(), BenchmarkTenants.Alberta.Id.Value);
        Applied(await journey.Execute(SampleEvents.Referral()));
        Applied(await journey.Execute(SampleEvents.Accept()));
        var sequence = 0L;
        return async () => Applied(await journey.Execute(SampleEvents.Next(sequence++)));
    }

    private static async Task<Func<Task>> ApplicationWorkerAsync(JourneyUseCases useCases, int worker)
    {
        var caller = new Caller(SampleEvents.Actor, "Bench worker", BenchmarkTenants.Alberta.Id, new HashSet<string>(StringComparer.Ordinal) { AccessRoles.LinkWorker }, "bench")
        {
            RequestId = "bench-" + worker.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SourceAddress = "127.0.0.1",
        };
        var journeyId = Guid.CreateVersion7();
        Applied(await useCases.SendAsync(caller, journeyId, SampleEvents.Referral()));
        Applied(await useCases.SendAsync(caller, journeyId, SampleEvents.Accept()));
        var sequence = 0L;
        return async () =>
        {
            if (sequence++ % 2 == 0)
            {
                Applied(await useCases.SendAsync(caller, journeyId, SampleEvents.Next(sequence / 2)));
            }
            else
            {
                _ = await useCases.FindAsync(caller, journeyId) ?? throw new InvalidOperationException("The journey was not found.");
            }
        };
    }

    public override Func<string?> BeginMeasurement() => measure is null ? base.BeginMeasurement() : measure(_host!.Services);

    public override async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            if (_host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }
        }

        cleanup?.Invoke();
    }

    private static void Applied(CommandOutcome outcome)
    {
        if (outcome.Kind != CommandOutcomeKind.Applied)
        {
            throw new InvalidOperationException($"The command was {outcome.Kind}: {outcome.Rejection?.Detail}");
        }
    }
}
