using Microsoft.Extensions.Localization;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Features.Journeys;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>What became of a form's commands: done, or the fields at fault, or why the journey refused.</summary>
public sealed record ConsoleCommandResult(bool Done, IDictionary<string, string[]> Errors, string? Refusal)
{
    public static readonly ConsoleCommandResult None = new(false, new Dictionary<string, string[]>(), null);

    /// <summary>The first message about <paramref name="field"/>, if any.</summary>
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? messages[0] : null;

    public bool HasProblem => Refusal is not null || Errors.Count > 0;

    /// <summary>The fields at fault, each message in the page's language (<see cref="ConsoleMessages"/>).</summary>
    public static ConsoleCommandResult Invalid(IDictionary<string, string[]> errors) =>
        None with { Errors = errors.ToDictionary(e => e.Key, e => e.Value.Select(ConsoleMessages.Text).ToArray(), StringComparer.Ordinal) };

    /// <summary>Why the application refused, in the page's language (<see cref="ConsoleMessages"/>).</summary>
    public static ConsoleCommandResult Refused(string english) => None with { Refusal = ConsoleMessages.Text(english) };
}

/// <summary>
/// The console's forms send journey commands through the API's own pipeline: the same request bodies, the same
/// validation and scope checks, the same audit. Each form carries a key made when it was shown, so posting it twice
/// (a double click, a refresh) replays the first outcome instead of changing the journey twice.
/// </summary>
internal sealed class ConsoleCommands(JourneyCommandPipeline pipeline, JourneyUseCases journeys, ConsolePage page, IServiceProvider services, IStringLocalizer<ConsoleText> text, TimeProvider time)
{
    /// <summary>
    /// The key of one of several like forms shown together (one per alert, one per referral): the page's key mixed
    /// with what the form is about, so each is replay-safe on its own and none replays another.
    /// </summary>
    public static string? KeyFor(string? formKey, Guid about)
    {
        if (!Guid.TryParse(formKey, out var key))
        {
            return null;
        }

        Span<byte> mixed = stackalloc byte[16];
        Span<byte> other = stackalloc byte[16];
        key.TryWriteBytes(mixed);
        about.TryWriteBytes(other);
        for (var i = 0; i < 16; i++)
        {
            mixed[i] ^= other[i];
        }

        return new Guid(mixed).ToString("N");
    }

    /// <summary>
    /// Opens a journey (a referral) with the command of <paramref name="body"/>: its id comes from the form's key, so
    /// sending the same form twice opens one journey, not two.
    /// </summary>
    public async Task<(Guid JourneyId, ConsoleCommandResult Result)> OpenAsync(string? formKey, (string Name, ICommandBody Body) body)
    {
        var tenant = page.RequiredCaller.Tenant;
        var journeyId = Guid.TryParse(formKey, out var key) ? JourneyIds.JourneyFromKey(tenant, key.ToString("N")) : JourneyIds.New(time);
        return (journeyId, await SendAsync(journeyId, formKey, demandScope: false, [body]));
    }

    /// <summary>Sends the commands of a form to a journey, all checked before any is sent.</summary>
    public Task<ConsoleCommandResult> SendAsync(Guid journeyId, string? formKey, params (string Name, ICommandBody Body)[] bodies) =>
        SendAsync(journeyId, formKey, demandScope: true, bodies);

    private async Task<ConsoleCommandResult> SendAsync(Guid journeyId, string? formKey, bool demandScope, (string Name, ICommandBody Body)[] bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var caller = page.RequiredCaller;
        var tenant = page.Tenant ?? throw new InvalidOperationException("The caller's tenant is not served here.");
        // A key that is not a form's own is ignored: the commands then simply are not replay-safe.
        var key = Guid.TryParse(formKey, out var parsed) ? parsed.ToString("N") : null;
        try
        {
            foreach (var (name, _) in demandScope ? bodies : [])
            {
                await journeys.DemandScopeAsync(caller, journeyId, RecordAccess.Command(name));
            }

            var (commands, errors) = await pipeline.ToCommandsAsync(caller, tenant, journeyId, key, services, page.Aborted, bodies);
            if (errors is not null)
            {
                return ConsoleCommandResult.Invalid(errors);
            }

            var done = 0;
            foreach (var command in commands)
            {
                var outcome = await journeys.SendAsync(caller, journeyId, command);
                if (outcome.Rejection is { } rejection)
                {
                    var refusal = rejection.Kind == RejectionKind.Invalid && rejection.Field is { } field
                        ? ConsoleCommandResult.Invalid(new Dictionary<string, string[]> { [field] = [rejection.Detail] })
                        : ConsoleCommandResult.Refused(rejection.Detail);
                    return done == 0 ? refusal : refusal with { Refusal = text["PartlyDone", ConsoleMessages.Text(rejection.Detail)] };
                }

                done++;
            }

            return ConsoleCommandResult.None with { Done = true };
        }
        catch (AccessDeniedException)
        {
            return ConsoleCommandResult.None with { Refusal = text["JourneyRefused"] };
        }
    }
}
