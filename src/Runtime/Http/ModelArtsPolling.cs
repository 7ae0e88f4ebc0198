namespace ModelArts.Runtime.Http;

/// <summary>Where a long-running task stands, as its status code says.</summary>
public enum ModelArtsTaskState
{
    /// <summary>Queued, initializing or running: poll again.</summary>
    Pending,

    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Finished with an error.</summary>
    Failed,

    /// <summary>Stopped (or stopping) before it finished.</summary>
    Stopped,
}

/// <summary>A long-running task ended without succeeding; the service's error code and message when it gave them.</summary>
public sealed class ModelArtsTaskFailedException(ModelArtsTaskState state, string? errorCode, string? errorMessage, object lastStatus)
    : Exception(Secrets.Redact($"the task {(state == ModelArtsTaskState.Stopped ? "was stopped" : "failed")}" + (errorCode is null ? string.Empty : ": " + errorCode)
        + (errorMessage is null ? string.Empty : " " + ModelArtsApiException.Cap(errorMessage, ModelArtsApiException.MaxMessageLength))))
{
    /// <summary>Failed or stopped.</summary>
    public ModelArtsTaskState State { get; } = state;

    /// <summary>The task's <c>error_code</c>.</summary>
    public string? ErrorCode { get; } = Secrets.RedactOrNull(errorCode);

    /// <summary>The task's <c>error_msg</c>; no secret the SDK knows appears in it.</summary>
    public string? ErrorMessage { get; } = Secrets.RedactOrNull(errorMessage);

    /// <summary>The last status response.</summary>
    public object LastStatus { get; } = lastStatus;
}

/// <summary>Polls a status operation until the task ends, in the pipeline's time (so tests run in virtual time).</summary>
public static class ModelArtsPolling
{
    /// <summary>
    /// Calls <paramref name="poll"/> every <paramref name="interval"/> until <paramref name="state"/> says the task ended,
    /// reporting each status to <paramref name="progress"/>; throws <see cref="ModelArtsTaskFailedException"/> when it
    /// failed or stopped and <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T>> poll,
        Func<T, ModelArtsTaskState> state,
        Func<T, (string? Code, string? Message)> error,
        IProgress<T>? progress,
        TimeSpan interval,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (poll is null || state is null || error is null || timeProvider is null)
        {
            throw new ArgumentNullException(poll is null ? nameof(poll) : state is null ? nameof(state) : error is null ? nameof(error) : nameof(timeProvider));
        }

        var started = timeProvider.GetTimestamp();
        while (true)
        {
            var status = await poll(cancellationToken).ConfigureAwait(false);
            progress?.Report(status);
            switch (state(status))
            {
                case ModelArtsTaskState.Succeeded:
                    return status;
                case ModelArtsTaskState.Failed or ModelArtsTaskState.Stopped:
                    var (code, message) = error(status);
                    throw new ModelArtsTaskFailedException(state(status), code, message, status!);
            }

            if (timeProvider.GetElapsedTime(started) + interval > timeout)
            {
                throw new TimeoutException($"the task did not finish within {timeout}");
            }

#if NET
            await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
#else
            await timeProvider.Delay(interval, cancellationToken).ConfigureAwait(false);
#endif
        }
    }
}
