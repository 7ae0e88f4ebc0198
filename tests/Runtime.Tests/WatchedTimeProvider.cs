using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that lets a test wait until the code under test has armed a timer, so that
/// <c>Advance</c> never runs before the delay it is meant to end (which would leave that delay waiting forever).
/// </summary>
internal sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _armed = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _armed.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Waits (in real time, at most 10 s) until a timer whose due time satisfies <paramref name="due"/> is armed.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> due)
    {
        for (var waited = 0; waited < 10_000; waited += 10)
        {
            if (_armed.Any(due))
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"no matching timer was armed; armed: [{string.Join(", ", _armed)}]");
    }
}
