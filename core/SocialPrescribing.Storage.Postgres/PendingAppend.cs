namespace SocialPrescribing.Storage.Postgres;

/// <summary>A journey append in the group-commit queue and the caller waiting for it (see <see cref="PendingWrite{T}"/>).</summary>
internal sealed class PendingAppend(JourneyAppend append) : PendingWrite<JourneyAppend>(append)
{
    public JourneyAppend Append => Item;
}
