using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Abstractions.Directory;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Abstractions.Transport;

namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>
/// The kinds of component a plugin can provide, as written in <c>plugin.json</c>'s <c>kinds</c>, and the contract
/// each kind's components implement.
/// </summary>
public static class PluginKinds
{
    /// <summary>Books trips to community programs: <see cref="ITransportPartner"/>.</summary>
    public const string TransportPartner = "transport-partner";

    /// <summary>Link worker training on the competency framework: <see cref="ITrainingModule"/>.</summary>
    public const string TrainingModule = "training-module";

    /// <summary>A questionnaire with its scoring: <see cref="IAssessmentInstrument"/>.</summary>
    public const string AssessmentInstrument = "assessment-instrument";

    /// <summary>Tells people that something needs their attention, such as a safety alert: <see cref="INotificationChannel"/>.</summary>
    public const string NotificationChannel = "notification-channel";

    /// <summary>Feeds community programs into a tenant's directory (211, provincial directories): <see cref="IDirectorySource"/>.</summary>
    public const string DirectorySource = "directory-source";

    private static readonly Dictionary<string, Type> Contracts = new(StringComparer.Ordinal)
    {
        [TransportPartner] = typeof(ITransportPartner),
        [TrainingModule] = typeof(ITrainingModule),
        [AssessmentInstrument] = typeof(IAssessmentInstrument),
        [NotificationChannel] = typeof(INotificationChannel),
        [DirectorySource] = typeof(IDirectorySource),
    };

    /// <summary>Every kind, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [TransportPartner, TrainingModule, AssessmentInstrument, NotificationChannel, DirectorySource];

    /// <summary>The contract interface of <paramref name="kind"/>, or null when it is not a kind.</summary>
    public static Type? ContractOf(string kind) =>
        kind is not null && Contracts.TryGetValue(kind, out var contract) ? contract : null;

    /// <summary>The kind whose contract is <paramref name="contract"/>, or null when it is not a kind's contract.</summary>
    public static string? KindOf(Type contract)
    {
        foreach (var (kind, type) in Contracts)
        {
            if (type == contract)
            {
                return kind;
            }
        }

        return null;
    }
}
