using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Assessments;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// Loads a program's history through the application core (<see cref="JourneyUseCases"/>, as the host's endpoints call
/// it) in an Orleans silo in this process, into the storage <paramref name="addStore"/> registers. Each journey's
/// commands carry their own moment in the past two years (<see cref="PastClock"/>); the mix is a referral, its
/// acceptance by one of 40 link workers, failed attempts and contacts, a SWEMWBS baseline and often a re-measure, a
/// community referral for some, a follow-up, and a discharge or a closure for many: about ten events a journey.
/// 1.3 % of the journeys end with an open safety alert (a PHQ-9 with item 9 above zero); one more journey has about
/// 2,010 events. Jobs are handed to nobody: in a program two years old, they would have run long ago.
/// </summary>
internal sealed class DataSetGenerator(ITenantDirectory tenants, Action<IServiceCollection> addStore)
{
    /// <summary>One journey in this many ends with an open safety alert (1.3 %).</summary>
    public const int OpenAlertEvery = 77;

    public const int LinkWorkers = 40;

    /// <summary>The events of each long journey.</summary>
    public const int LongJourneyEvents = 2_010;

    /// <summary>
    /// How many long journeys a data set has: the first is read cold right after a restart (the process cold too), the
    /// others once the process has served the other reads (only their grain cold): the second is the first restored in
    /// that process, the other ten as a host that has been running restores them (ten samples of a read done once).
    /// </summary>
    public const int LongJourneys = 12;

    private static readonly TenantId Tenant = TenantId.Parse("ab");
    private static readonly SwemwbsInstrument Swemwbs = new();
    private static readonly Phq9Instrument Phq9 = new();

    private static readonly string[] Programs =
        ["Walking group", "Community garden", "Seniors' choir", "Men's shed", "Art for wellbeing", "Food bank", "Peer support circle", "Library reading club"];

    private static readonly string[] GivenNames = ["Marie", "Jean", "Amir", "Priya", "Wei", "Olga", "Tom", "Aiyana", "Lucas", "Fatima", "Noah", "Grace"];

    private static readonly string[] FamilyNames = ["Tremblay", "Smith", "Patel", "Nguyen", "Roy", "Chen", "Brown", "Cardinal", "Singh", "Martin", "Wilson", "Côté"];

    private long _commands;
    private long _events;
    private long _journeys;

    public static string LinkWorker(int number) => "lw-" + number.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Loads <paramref name="journeys"/> journeys and <paramref name="longJourneys"/> long ones (a kept data set may lack some).</summary>
    public async Task<string> RunAsync(int journeys, int longJourneys, int parallel, Func<CancellationToken, Task<TimeSpan>> settle, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new PastClock());
        builder.Services.AddSingleton(tenants);
        NoDispatchers.AddTo(builder.Services);
        // The reactions consumer moves its checkpoint past the loaded events, so the host does not react to them again.
        builder.Services.AddJourneyReactor();
        addStore(builder.Services);
        builder.Services.AddApplication();
        var cluster = "bench-read-" + Guid.NewGuid().ToString("N")[..8];
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort.Next(), FreePort.Next(), null, cluster, cluster)
            .AddIncomingGrainCallFilter<PastClockFilter>()
            // 100,000 journeys pass through; none is needed again once loaded (the long one is in use all along).
            .Configure<Orleans.Configuration.GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(2)));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var useCases = host.Services.GetRequiredService<JourneyUseCases>();
            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            using var progress = new CancellationTokenSource();
            var reporter = ReportAsync(journeys, clock, progress.Token);
            var longJourney = Task.WhenAll(Enumerable.Range(0, longJourneys).Select(i => LongJourneyAsync(useCases, now, i)));
            await Parallel.ForEachAsync(
                Enumerable.Range(0, journeys),
                new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
                async (index, _) =>
                {
                    await JourneyAsync(useCases, index, now);
                    Interlocked.Increment(ref _journeys);
                });
            var longIds = string.Join(", ", await longJourney);
            await progress.CancelAsync();
            await reporter;
            var seconds = clock.Elapsed.TotalSeconds;
            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"Loaded {journeys:N0} journeys (+{longJourneys} of {LongJourneyEvents:N0} events: {longIds}) in {seconds:N0} s: {_commands:N0} commands, {_events:N0} events; {journeys / seconds:N0} journeys/s, {_commands / seconds:N0} commands/s, {_events / seconds:N0} events/s ({parallel} at a time), on {Environment.ProcessorCount} cores.");
            Console.WriteLine(summary);
            // The reactions consumer finishes here, with nobody to hand jobs to, as it did long ago in a real program.
            Console.WriteLine("Waiting for the reactions consumer to pass the loaded events.");
            var settled = await settle(cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  settled {settled.TotalSeconds:N0} s later."));
            return summary;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private async Task ReportAsync(int journeys, Stopwatch clock, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
                var done = Interlocked.Read(ref _journeys);
                var seconds = clock.Elapsed.TotalSeconds;
                var left = done == 0 ? double.NaN : (journeys - done) * seconds / done;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {done:N0}/{journeys:N0} journeys, {Interlocked.Read(ref _events):N0} events in {seconds:N0} s ({done / seconds:N0} journeys/s, {Interlocked.Read(ref _commands) / seconds:N0} commands/s); about {left:N0} s left"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task JourneyAsync(JourneyUseCases useCases, int index, DateTimeOffset now)
    {
        var random = new Random(index * 7_919 + 17);
        var openAlert = index % OpenAlertEvery == OpenAlertEvery / 2;
        var linkWorker = Caller(LinkWorker(random.Next(LinkWorkers) + 1), AccessRoles.LinkWorker);
        // An open alert is recent (supervisors answer them within days), but its journey had time to reach it.
        var at = now - (openAlert ? Days(random, 25, 90) : Days(random, 0, 730));
        var journey = new JourneyScript(this, useCases, Guid.CreateVersion7(at), now);

        if (!await journey.SendAsync(at, linkWorker, Referral(random, linkWorker.Id)))
        {
            return;
        }

        if (!openAlert && random.NextDouble() < 0.04)
        {
            await journey.SendAsync(at += Days(random, 1, 3), linkWorker, new DeclineReferral("Not interested for now.") { CommandId = Guid.NewGuid(), Actor = linkWorker.Id });
            return;
        }

        if (!await journey.SendAsync(at += Hours(random, 2, 48), linkWorker, new AcceptReferral(linkWorker.Id) { CommandId = Guid.NewGuid(), Actor = linkWorker.Id }))
        {
            return;
        }

        var unreachable = !openAlert && random.NextDouble() < 0.07;
        var attempts = unreachable ? 3 : random.Next(4);
        for (var i = 0; i < attempts; i++)
        {
            if (!await journey.SendAsync(at += Days(random, 1, 3), linkWorker, Attempt(linkWorker.Id, random)))
            {
                return;
            }
        }

        if (unreachable)
        {
            await journey.SendAsync(at += Days(random, 1, 2), linkWorker, new CloseUnableToContact("No answer after three attempts.") { CommandId = Guid.NewGuid(), Actor = linkWorker.Id });
            return;
        }

        if (!await journey.SendAsync(at += Days(random, 1, 3), linkWorker, Contact(linkWorker.Id, "first conversation"))
            || !await journey.SendAsync(at += Hours(random, 0, 2), linkWorker, Wellbeing(AssessmentTimepoint.Baseline, random, 0, linkWorker.Id)))
        {
            return;
        }

        if (openAlert)
        {
            await journey.SendAsync(at += Days(random, 1, 7), linkWorker, RiskyPhq9(linkWorker.Id));
            return;
        }

        if (random.NextDouble() < 0.4
            && !await journey.SendAsync(at += Days(random, 1, 10), linkWorker, new MakeCommunityReferral(new CommunityProgram(Programs[random.Next(Programs.Length)], null, null), null) { CommandId = Guid.NewGuid(), Actor = linkWorker.Id }))
        {
            return;
        }

        var due = DateOnly.FromDateTime((at += Days(random, 1, 2)).UtcDateTime).AddDays(random.Next(21, 57));
        if (!await journey.SendAsync(at, linkWorker, new ScheduleFollowUp(due) { CommandId = Guid.NewGuid(), Actor = linkWorker.Id }))
        {
            return;
        }

        var followUp = journey.Last.OfType<FollowUpScheduled>().Single().FollowUpId;
        at = new DateTimeOffset(due.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
        if (!await journey.SendAsync(at, linkWorker, Contact(linkWorker.Id, "follow-up"))
            || !await journey.SendAsync(at += Hours(random, 0, 1), linkWorker, new CompleteFollowUp(followUp, null) { CommandId = Guid.NewGuid(), Actor = linkWorker.Id }))
        {
            return;
        }

        if (random.NextDouble() < 0.02)
        {
            // An alert raised and acknowledged by a supervisor the same day: the usual course of one.
            if (!await journey.SendAsync(at += Hours(random, 1, 2), linkWorker, RiskyPhq9(linkWorker.Id)))
            {
                return;
            }

            var alert = journey.Last.OfType<SafetyAlertRaised>().Single().AlertId;
            var supervisor = Caller(tenants.All.Single(t => t.Id == Tenant).Supervisors.FirstOrDefault()?.Id ?? "sup-ab-1", AccessRoles.Supervisor);
            if (!await journey.SendAsync(at += Hours(random, 1, 6), supervisor, new AcknowledgeSafetyAlert(alert, "Spoke with the person; a safety plan is in place.") { CommandId = Guid.NewGuid(), Actor = supervisor.Id }))
            {
                return;
            }
        }

        if (random.NextDouble() < 0.65
            && !await journey.SendAsync(at += Days(random, 0, 14), linkWorker, Wellbeing(AssessmentTimepoint.FollowUp, random, random.Next(-1, 3), linkWorker.Id)))
        {
            return;
        }

        if (random.NextDouble() < 0.6)
        {
            await journey.SendAsync(at += Days(random, 7, 28), linkWorker, new Discharge("Goals met.") { CommandId = Guid.NewGuid(), Actor = linkWorker.Id });
        }
    }

    /// <summary>A journey of about 2,010 events over the past two years: contacts and attempts, assessments between them.</summary>
    private async Task<Guid> LongJourneyAsync(JourneyUseCases useCases, DateTimeOffset now, int index)
    {
        await Task.Yield();
        var random = new Random(2_010 + index);
        var linkWorker = Caller(LinkWorker(1 + index), AccessRoles.LinkWorker);
        var at = now - TimeSpan.FromDays(720) + TimeSpan.FromHours(index);
        var journey = new JourneyScript(this, useCases, Guid.CreateVersion7(at), now);
        await journey.SendAsync(at, linkWorker, Referral(random, linkWorker.Id));
        await journey.SendAsync(at += TimeSpan.FromHours(4), linkWorker, new AcceptReferral(linkWorker.Id) { CommandId = Guid.NewGuid(), Actor = linkWorker.Id });
        await journey.SendAsync(at += TimeSpan.FromDays(1), linkWorker, Contact(linkWorker.Id, "first conversation"));
        var step = TimeSpan.FromDays(715) / LongJourneyEvents;
        for (var i = 0; journey.Version < LongJourneyEvents; i++)
        {
            JourneyCommand next = i % 100 == 50 ? Wellbeing(AssessmentTimepoint.FollowUp, random, 1, linkWorker.Id)
                : i % 2 == 0 ? Attempt(linkWorker.Id, random)
                : Contact(linkWorker.Id, "check-in");
            await journey.SendAsync(at += step, linkWorker, next);
        }

        return journey.Id;
    }

    private static Caller Caller(string id, string role) =>
        new(id, id, Tenant, new HashSet<string>(StringComparer.Ordinal) { role }, "sp-bench-read") { RequestId = "bench-read", SourceAddress = "127.0.0.1" };

    private static TimeSpan Days(Random random, double from, double to) => TimeSpan.FromDays(from + (random.NextDouble() * (to - from)));

    private static TimeSpan Hours(Random random, double from, double to) => TimeSpan.FromHours(from + (random.NextDouble() * (to - from)));

    private static ReceiveReferral Referral(Random random, string actor) => new(
        new ClientDetails(
            GivenNames[random.Next(GivenNames.Length)],
            FamilyNames[random.Next(FamilyNames.Length)],
            new DateOnly(1935 + random.Next(70), 1 + random.Next(12), 1 + random.Next(28)),
            "T2P1J9",
            random.Next(5) == 0 ? PreferredLanguage.Fr : PreferredLanguage.En,
            "403-555-0101",
            null),
        new ReferrerDetails("Dr. Amir Patel", "Bow Valley Family Clinic", "family physician"),
        ReferralSource.FamilyPhysician,
        random.Next(2) == 0 ? ["loneliness-and-isolation", "physical-activity"] : ["loneliness-and-isolation"],
        null)
    {
        CommandId = Guid.NewGuid(),
        Actor = actor,
    };

    private static RecordContactAttempt Attempt(string actor, Random random) =>
        new(random.Next(2) == 0 ? ContactAttemptOutcome.NoAnswer : ContactAttemptOutcome.LeftMessage, null) { CommandId = Guid.NewGuid(), Actor = actor };

    private static RecordContact Contact(string actor, string purpose) =>
        new(ContactMode.Phone, purpose, null) { CommandId = Guid.NewGuid(), Actor = actor };

    /// <summary>A SWEMWBS as the instrument scores it, each answer (1–5) raised by <paramref name="shift"/> for a re-measure.</summary>
    private static RecordAssessment Wellbeing(AssessmentTimepoint timepoint, Random random, int shift, string actor)
    {
        ImmutableArray<int> responses = [.. Enumerable.Range(0, 7).Select(_ => Math.Clamp(2 + random.Next(3) + shift, 1, 5))];
        return Scored(Swemwbs, timepoint, responses, actor);
    }

    /// <summary>A PHQ-9 with item 9 above zero: its self-harm flag raises a safety alert.</summary>
    private static RecordAssessment RiskyPhq9(string actor) => Scored(Phq9, AssessmentTimepoint.FollowUp, [1, 1, 2, 1, 0, 1, 1, 0, 1], actor);

    private static RecordAssessment Scored(ScoredInstrument instrument, AssessmentTimepoint timepoint, ImmutableArray<int> responses, string actor)
    {
        var result = instrument.Score(responses);
        return new RecordAssessment(
            timepoint,
            result.Instrument,
            result.Version,
            responses,
            [.. result.Scores.Select(s => new AssessmentScore(s.Key, s.Value, result.Bands.GetValueOrDefault(s.Key)))],
            [.. result.Flags])
        {
            CommandId = Guid.NewGuid(),
            Actor = actor,
        };
    }

    /// <summary>One journey's commands in order, each at its moment; none is sent once its moment is still to come.</summary>
    private sealed class JourneyScript(DataSetGenerator generator, JourneyUseCases useCases, Guid id, DateTimeOffset now)
    {
        public Guid Id => id;

        public long Version { get; private set; }

        public ImmutableArray<JourneyEvent> Last { get; private set; } = [];

        public async Task<bool> SendAsync(DateTimeOffset at, Caller caller, JourneyCommand command)
        {
            if (at > now)
            {
                return false;
            }

            PastClock.At(at);
            var outcome = await useCases.SendAsync(caller, id, command);
            if (outcome.Kind != CommandOutcomeKind.Applied)
            {
                throw new InvalidOperationException($"{command.Name} on {id} was {outcome.Kind}: {outcome.Rejection?.Detail}");
            }

            Version = outcome.Version;
            Last = outcome.Events;
            Interlocked.Increment(ref generator._commands);
            Interlocked.Add(ref generator._events, outcome.Events.Length);
            return true;
        }
    }
}
