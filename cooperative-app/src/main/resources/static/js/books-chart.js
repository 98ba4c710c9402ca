// Shared costs per category per month, stacked per month, from the figures the page put in data-chart.
document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('category-chart');
    if (!element || !window.echarts) {
        return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var money = new Intl.NumberFormat(data.locale, {style: 'currency', currency: data.currency});
    var chart = echarts.init(element);
    chart.setOption({
        animation: false,
        tooltip: {trigger: 'axis', valueFormatter: function (value) { return money.format(value); }},
        legend: {type: 'scroll', top: 0},
        grid: {left: 8, right: 8, bottom: 8, top: 40, containLabel: true},
        xAxis: {type: 'category', data: data.months},
        yAxis: {type: 'value', axisLabel: {formatter: function (value) { return money.format(value); }}},
        series: data.series.map(function (s) {
            return {name: s.name, type: 'bar', stack: 'costs', data: s.data};
        })
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
});
