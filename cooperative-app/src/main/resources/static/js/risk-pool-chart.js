// The risk pool's balance over time, drawn from the rows of the table beside it: the chart and its
// fallback always show the same figures, and without JavaScript the table is all there is.
document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('pool-chart');
    var rows = document.querySelectorAll('#pool-history tbody tr');
    if (!element || !window.echarts || rows.length === 0) {
        return;
    }
    var months = [], balances = [];
    rows.forEach(function (row) {
        months.push(row.dataset.month);
        balances.push(Number(row.dataset.balance));
    });
    var money = new Intl.NumberFormat(element.dataset.locale, {style: 'currency', currency: element.dataset.currency});
    element.style.height = '18rem'; // only once there is a chart to show: without one the table stands alone
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption({
        animation: false,
        grid: {left: 8, right: 16, top: 24, bottom: 8, containLabel: true},
        tooltip: {trigger: 'axis', valueFormatter: function (value) { return money.format(value); }},
        xAxis: {type: 'category', data: months},
        yAxis: {type: 'value', axisLabel: {formatter: function (value) { return money.format(value); }}},
        series: [{name: element.dataset.series, type: 'line', data: balances, areaStyle: {opacity: 0.15},
                  itemStyle: {color: '#2f6f5e'}}]
    });
    element.classList.add('drawn');
    window.addEventListener('resize', function () { chart.resize(); });
});
