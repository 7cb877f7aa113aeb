import { useEffect, useRef } from 'react';
import { init, type ChartOption, type ECharts } from './echarts';

interface EChartProps {
  option: ChartOption;
  className?: string;
  label: string;
  /** The screen is dark; the working pages are light. */
  theme?: 'dark' | 'light';
}

/** One ECharts instance bound to a div: resized with its box, disposed on unmount. */
export function EChart({ option, className, label, theme = 'dark' }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(option);
  }, [option, theme]);

  return <div ref={container} className={className} role="img" aria-label={label} />;
}
