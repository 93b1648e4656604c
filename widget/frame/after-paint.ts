/**
 * Runs `task` once the frame has painted: a timeout queued from an animation frame callback runs
 * after that frame is drawn. For what the first paint does not need (the answers' parser, WebOTP):
 * requested before it, they share a slow link with what it does need (README, "Performance").
 */
export function afterFirstPaint(
  task: () => void,
  win: Pick<Window, 'requestAnimationFrame' | 'setTimeout'> = window,
): void {
  win.requestAnimationFrame(() => win.setTimeout(task, 0));
}
