using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Journeys;

/// <summary>
/// The journey use cases: send a pathway command, read a journey now or as it was at a moment, read its state.
/// Every door (HTTP, jobs, later the console and FHIR) comes through here, so access checks and the audit log
/// have one place to live.
/// </summary>
public sealed class JourneyUseCases(IGrainFactory grains, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Decides the command on the journey and commits its events before returning. A journey that exists must be in
    /// the caller's scope (<see cref="JourneyScope"/>), checked by the grain in the same call (a
    /// <see cref="RejectionKind.Forbidden"/> rejection otherwise); one that does not is the domain's to answer.
    /// Every command that reached a journey is audited (denied when it was out of scope) before the outcome returns.
    /// </summary>
    public async Task<CommandOutcome> SendAsync(Caller caller, Guid journeyId, JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        if (command is OpenEmergencyAccess emergency)
        {
            return await OpenEmergencyAccessAsync(caller, journeyId, emergency);
        }

        var journey = Journey(caller.Tenant, journeyId);
        var scope = JourneyScope.RuleFor(caller);
        var outcome = scope.Every ? await journey.Execute(command) : await journey.ExecuteWithin(command, scope);
        if (outcome.Rejection?.Kind is not RejectionKind.NotFound)
        {
            await audit.RecordAsync(Under(caller, outcome.EmergencyAccess), journeyId, RecordAccess.Command(command.Name), allowed: outcome.Rejection?.Kind is not RejectionKind.Forbidden);
        }

        return outcome;
    }

    /// <summary>
    /// Break-glass: a link worker or supervisor whose scope does not reach the journey opens it for the time the
    /// command says, on a reason. Refused (<see cref="RejectionKind.Forbidden"/>) for any other role, and
    /// (<see cref="RejectionKind.Conflict"/>) when the caller's scope already reaches the journey: an emergency access
    /// is for what one may not otherwise open, and each one is reported to the privacy officers. Every attempt on a
    /// journey that exists is audited with its reason: allowed when opened, denied otherwise.
    /// </summary>
    private async Task<CommandOutcome> OpenEmergencyAccessAsync(Caller caller, Guid journeyId, OpenEmergencyAccess command)
    {
        var journey = Journey(caller.Tenant, journeyId);
        var state = await journey.GetState();
        if (!state.Exists)
        {
            return await journey.Execute(command);
        }

        var access = RecordAccess.Command(command.Name);
        var withReason = caller with { BreakGlassReason = Truncated(command.Reason?.Trim()) };
        if (!JourneyScope.MayOpenEmergencyAccess(caller))
        {
            await audit.RecordAsync(withReason, journeyId, access, allowed: false);
            return Refused(state, RejectionKind.Forbidden, "Only a link worker or a supervisor opens a journey in an emergency.");
        }

        if (JourneyScope.RuleFor(caller).Reaches(state))
        {
            await audit.RecordAsync(withReason, journeyId, access, allowed: false);
            return Refused(state, RejectionKind.Conflict, "This journey is already in your scope: open it as usual, no emergency access is needed.");
        }

        var outcome = await journey.Execute(command);
        if (outcome.Rejection is null)
        {
            await audit.RecordAsync(withReason, journeyId, access);
        }

        return outcome;

        static string? Truncated(string? reason) =>
            string.IsNullOrEmpty(reason) ? null : reason.Length <= AuditEntry.MaxBreakGlassReasonLength ? reason : reason[..AuditEntry.MaxBreakGlassReasonLength];

        static CommandOutcome Refused(JourneyState state, RejectionKind kind, string detail) =>
            new(CommandOutcomeKind.Rejected, state.Version, state.Status, [], [], new CommandRejection(kind, detail, null, []));
    }

    /// <summary>
    /// Refuses, before anything of a request is read or checked, a caller whose scope does not reach the journey (when
    /// it exists), recording the refusal as <paramref name="access"/>. Callers who reach every journey pass at no cost.
    /// </summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public async Task DemandScopeAsync(Caller caller, Guid journeyId, RecordAccess access)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (JourneyScope.RuleFor(caller).Every)
        {
            return;
        }

        var state = await Journey(caller.Tenant, journeyId).GetState();
        var now = time.GetUtcNow();
        if (state.Exists && !JourneyScope.Includes(caller, state, now))
        {
            await audit.RecordAsync(caller, journeyId, access, allowed: false);
            JourneyScope.Demand(caller, state, now);
        }
    }

    /// <summary>
    /// The journey with its timeline and allowed commands, or null when it does not exist (or, with
    /// <paramref name="asOf"/>, did not yet exist at that moment); without what the person's lock-box directives in force
    /// withhold from the caller (<see cref="JourneyView.Withheld"/> names those parts).
    /// </summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public Task<JourneyView?> FindAsync(Caller caller, Guid journeyId, DateTimeOffset? asOf = null) => FindAsync(caller, journeyId, asOf, null);

    /// <summary>
    /// <see cref="FindAsync(Caller, Guid, DateTimeOffset?)"/> with only the part of the timeline <paramref name="window"/>
    /// picks (the whole timeline when it is null); what the directives withhold is left out of that part.
    /// </summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public async Task<JourneyView?> FindAsync(Caller caller, Guid journeyId, DateTimeOffset? asOf, TimelineWindow? window)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var journey = Journey(caller.Tenant, journeyId);
        // The scope is decided on the journey as it is now: the current view carries that state already; a view of
        // the past needs the current state as well. So do the directives: one in force now withholds the past too.
        var current = asOf is null ? await ViewAsync(journey, null, window) : null;
        var access = asOf is null ? RecordAccess.Journey : RecordAccess.JourneyHistory;
        if (await FindCurrentAsync(caller, journeyId, access, current?.State) is not { } now)
        {
            return null;
        }

        var view = current ?? await ViewAsync(journey, asOf, window);
        if (!view.State.Exists)
        {
            return null;
        }

        var disclosure = JourneyDisclosure.Of(caller, now);
        if (!disclosure.AnyWithheld)
        {
            return view;
        }

        var shown = Redaction.Apply(view.Timeline, view.EventsBefore + 1, disclosure);
        return view with
        {
            State = Redaction.Apply(view.State, disclosure),
            Timeline = [.. shown.Select(n => n.Event)],
            TimelineVersions = [.. shown.Select(n => n.Version)],
            Withheld = [.. disclosure.WithheldParts],
        };
    }

    /// <summary>
    /// What the referrer of a journey may be told of it (<see cref="ReferrerView"/>), or null when it does not exist.
    /// A referrer reads the referrals they sent; link workers and supervisors read those in their scope, to see what
    /// the referrer sees.
    /// </summary>
    /// <exception cref="AccessDeniedException">The referral is someone else's.</exception>
    public async Task<ReferrerView?> FindReferralAsync(Caller caller, Guid journeyId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var state = await Journey(caller.Tenant, journeyId).GetState();
        if (!state.Exists)
        {
            return null;
        }

        var sentByCaller = caller.HasRole(AccessRoles.Referrer) && string.Equals(state.ReferredBy, caller.Id, StringComparison.Ordinal);
        // A referrer-only caller's scope takes no existing journey, so for them only their own referrals count.
        var now = time.GetUtcNow();
        var allowed = sentByCaller || JourneyScope.Includes(caller, state, now);
        await audit.RecordAsync(sentByCaller ? caller : Under(caller, JourneyScope.EmergencyAccessFor(caller, state, now)), journeyId, RecordAccess.ReferralStatus, allowed);
        if (!allowed)
        {
            throw new AccessDeniedException("A referrer reads the referrals they sent.");
        }

        string[] ids = caller.Client is { } client ? [caller.Id, client] : [caller.Id];
        return ReferrerView.Of(state, Recipient.Of(RecipientRole.Referrer, ids));
    }

    /// <summary>
    /// The journey's current state as the caller may see it (<see cref="FindDisclosedAsync"/>), or null when it does not
    /// exist; the access is audited as <paramref name="access"/> (denied when out of scope).
    /// </summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public async Task<JourneyState?> FindStateAsync(Caller caller, Guid journeyId, RecordAccess access) =>
        (await FindDisclosedAsync(caller, journeyId, access))?.State;

    /// <summary>
    /// The journey's current state without what the person's lock-box directives withhold from the caller, and which
    /// parts those are; null when it does not exist. The access is audited as <paramref name="access"/>.
    /// </summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public async Task<DisclosedState?> FindDisclosedAsync(Caller caller, Guid journeyId, RecordAccess access)
    {
        if (await FindCurrentAsync(caller, journeyId, access, null) is not { } state)
        {
            return null;
        }

        var disclosure = JourneyDisclosure.Of(caller, state);
        return new DisclosedState(Redaction.Apply(state, disclosure), disclosure);
    }

    /// <summary>The whole current state, once the caller's scope is checked and the access audited.</summary>
    private async Task<JourneyState?> FindCurrentAsync(Caller caller, Guid journeyId, RecordAccess access, JourneyState? known)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var state = known ?? await Journey(caller.Tenant, journeyId).GetState();
        if (!state.Exists)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var allowed = JourneyScope.Includes(caller, state, now);
        await audit.RecordAsync(Under(caller, JourneyScope.EmergencyAccessFor(caller, state, now)), journeyId, access, allowed);
        JourneyScope.Demand(caller, state, now);
        return state;
    }

    /// <summary>The caller as the audit log records them: with the emergency access's reason when they came by one.</summary>
    private static Caller Under(Caller caller, EmergencyAccessGrant? grant) =>
        grant is null ? caller : caller with { BreakGlassReason = grant.Reason };

    private static Task<JourneyView> ViewAsync(IJourneyGrain journey, DateTimeOffset? asOf, TimelineWindow? window) =>
        window is null ? journey.GetView(asOf) : journey.GetView(asOf, window);

    private IJourneyGrain Journey(TenantId tenant, Guid journeyId) => grains.GetGrain<IJourneyGrain>(journeyId, tenant.Value);
}
